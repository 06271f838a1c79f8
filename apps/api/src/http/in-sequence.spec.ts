import { describe, expect, it } from '@jest/globals';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import request from 'supertest';
import { inSequence } from './in-sequence';

/** An app with `steps` as one layer, a route that lists what ran, and an error handler. */
function appWith(ran: string[], ...steps: RequestHandler[]): express.Express {
  const app = express();
  app.use(inSequence(...steps));
  app.get('/', (_req, res) => {
    ran.push('route');
    res.json(ran);
  });
  const onError: ErrorRequestHandler = (error: Error, _req, res, _next) => {
    res.status(418).json({ error: error.message, ran });
  };
  app.use(onError);
  return app;
}

const mark =
  (ran: string[], name: string): RequestHandler =>
  (_req, _res, next) => {
    ran.push(name);
    next();
  };

describe('inSequence', () => {
  it('runs every step in order, then the route', async () => {
    const ran: string[] = [];
    const later: RequestHandler = (_req, _res, next) => {
      ran.push('async');
      setImmediate(next);
    };
    const app = appWith(ran, mark(ran, 'a'), later, mark(ran, 'b'));
    const res = await request(app).get('/').expect(200);
    expect(res.body).toEqual(['a', 'async', 'b', 'route']);
  });

  it('skips the remaining steps and the route when a step passes an error on', async () => {
    const ran: string[] = [];
    const failing: RequestHandler = (_req, _res, next) => next(new Error('refused'));
    const res = await request(appWith(ran, mark(ran, 'a'), failing, mark(ran, 'b')))
      .get('/')
      .expect(418);
    expect(res.body).toEqual({ error: 'refused', ran: ['a'] });
  });

  it('passes an error a step throws to the error handler, as Express does', async () => {
    const ran: string[] = [];
    const throwing: RequestHandler = () => {
      throw new Error('thrown');
    };
    const res = await request(appWith(ran, throwing, mark(ran, 'b')))
      .get('/')
      .expect(418);
    expect(res.body).toEqual({ error: 'thrown', ran: [] });
  });
});
