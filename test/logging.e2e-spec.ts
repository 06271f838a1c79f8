import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess } from './support/app-process';

const KEY = 'log-test-key-abcdef123456';

describe('request logs (real process)', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await AppProcess.start({ API_KEYS: KEY, LOG_LEVEL: 'info', NODE_ENV: 'production' });
  });
  afterAll(() => app.stop());

  it('logs a JSON line with the request id, route, status and key id, never the key', async () => {
    const res = await fetch(`${app.url}/v1/models/sonar`, {
      headers: { Authorization: `Bearer ${KEY}`, 'X-Request-Id': 'trace-42' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    const line = await app.waitForLog(
      (r) => (r.req as { id?: string } | undefined)?.id === 'trace-42',
    );
    expect(line).toMatchObject({
      req: { id: 'trace-42', method: 'GET', url: '/v1/models/sonar' },
      res: { status: 200 },
      route: '/v1/models/:id',
      keyId: expect.stringMatching(/^[0-9a-f]{12}$/),
      responseTime: expect.any(Number),
    });
    expect(app.output.join('\n')).not.toContain(KEY);
  });

  it('makes a request id when the caller sends none', async () => {
    const res = await fetch(`${app.url}/v1/models`, {
      headers: { Authorization: `Bearer ${KEY}` },
    });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exits 0 on SIGTERM', async () => {
    expect(await app.stop('SIGTERM')).toBe(0);
  });
});
