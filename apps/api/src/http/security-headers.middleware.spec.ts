import { describe, expect, it } from '@jest/globals';
import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { HELMET_OPTIONS, securityHeadersMiddleware } from './security-headers.middleware';

/** The response headers a tiny app answers with, minus those that change per response. */
async function headersOf(app: express.Express): Promise<Record<string, string>> {
  app.get('/', (_req, res) => res.json({ ok: true }));
  const res = await request(app).get('/').expect(200);
  const headers = { ...(res.headers as Record<string, string>) };
  delete headers.date;
  delete headers.etag;
  return headers;
}

describe('securityHeadersMiddleware', () => {
  it('sets exactly the headers helmet sets with our options, with the same values', async () => {
    const withHelmet = express();
    withHelmet.use(helmet(HELMET_OPTIONS));
    const withOurs = express();
    withOurs.disable('x-powered-by');
    withOurs.use(securityHeadersMiddleware());

    const expected = await headersOf(withHelmet);
    expect(expected['x-content-type-options']).toBe('nosniff');
    expect(expected['content-security-policy']).toContain("script-src 'self'");
    expect(await headersOf(withOurs)).toEqual(expected);
  });
});
