import { describe, expect, it } from '@jest/globals';
import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { HELMET_OPTIONS, securityHeaders } from './security-headers';

/** The response headers a tiny app answers with, minus those that change per response. */
async function headersOf(app: express.Express): Promise<Record<string, string>> {
  app.get('/', (_req, res) => res.json({ ok: true }));
  const res = await request(app).get('/').expect(200);
  const headers = { ...(res.headers as Record<string, string>) };
  delete headers.date;
  delete headers.etag;
  return headers;
}

describe('securityHeaders', () => {
  it('lists exactly the headers helmet sets with our options, with the same values', async () => {
    const withHelmet = express();
    withHelmet.use(helmet(HELMET_OPTIONS));
    const withOurs = express();
    withOurs.disable('x-powered-by');
    const headers = securityHeaders();
    withOurs.use((_req, res, next) => {
      for (const [name, value] of headers) res.setHeader(name, value);
      next();
    });

    const expected = await headersOf(withHelmet);
    expect(expected['x-content-type-options']).toBe('nosniff');
    expect(expected['content-security-policy']).toContain("script-src 'self'");
    expect(await headersOf(withOurs)).toEqual(expected);
  });
});
