import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess } from './support/app-process';
import { freePort } from './support/free-port';

const KEY = 'error-log-key-0123456789';

describe('logs of a request that ends in a 5xx (real process)', () => {
  let app: AppProcess;

  beforeAll(async () => {
    // Nothing listens on this port: every answer fails upstream with 502.
    const closed = await freePort();
    app = await AppProcess.start({
      API_KEYS: KEY,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      LLM_BASE_URL: `http://127.0.0.1:${closed}/v1`,
      LLM_MAX_RETRIES: '0',
    });
  }, 60_000);
  afterAll(() => app.stop());

  it('writes one line for the request, at error level, without a second stack trace', async () => {
    const res = await fetch(`${app.url}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${KEY}`,
        'Content-Type': 'application/json',
        'X-Request-Id': 'fails-upstream',
      },
      body: JSON.stringify({
        model: 'sonar',
        messages: [{ role: 'user', content: 'What is SSE?' }],
      }),
    });
    expect(res.status).toBe(502);
    const ours = (r: Record<string, unknown>) =>
      (r.req as { id?: string } | undefined)?.id === 'fails-upstream';
    await app.waitForLog(ours);
    const lines = app.logRecords().filter(ours);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, res: { status: 502 } });
    expect(lines[0]).not.toHaveProperty('err');
    expect(app.output.join('\n')).not.toContain('failed with status code');
  });
});
