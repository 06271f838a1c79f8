import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getJson } from './get-json';

describe('getJson', () => {
  let server: Server;
  let base: string;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      if (req.url === '/slow') return; // never answers
      if (req.url === '/text') return void res.end('OK');
      if (req.url === '/big') return void res.end(`{"results":["${'x'.repeat(4096)}"]}`);
      res.writeHead(req.url === '/missing' ? 404 : 200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ results: [{ url: 'https://a.example' }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const options = { timeoutMs: 2000, maxBytes: 1024 };

  it('reads the status and JSON body, asking for JSON with the URL’s credentials as basic auth', async () => {
    const answer = await getJson(new URL(`http://me:p%40ss@${base.slice(7)}/search?q=a`), options);
    expect(answer).toEqual({ status: 200, body: { results: [{ url: 'https://a.example' }] } });
    expect(seen.at(-1)?.accept).toBe('application/json');
    expect(seen.at(-1)?.authorization).toBe(`Basic ${Buffer.from('me:p@ss').toString('base64')}`);
    expect((await getJson(new URL(`${base}/missing`), options)).status).toBe(404);
  });

  it('gives no body for an answer that is not JSON', async () => {
    expect(await getJson(new URL(`${base}/text`), options)).toEqual({
      status: 200,
      body: undefined,
    });
  });

  it('fails with ETIMEDOUT when no answer comes in time', async () => {
    const started = Date.now();
    await expect(getJson(new URL(`${base}/slow`), { ...options, timeoutMs: 100 })).rejects.toThrow(
      expect.objectContaining({ code: 'ETIMEDOUT' }),
    );
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('fails with ERR_RESPONSE_TOO_LARGE when the body passes maxBytes', async () => {
    await expect(getJson(new URL(`${base}/big`), options)).rejects.toThrow(
      expect.objectContaining({ code: 'ERR_RESPONSE_TOO_LARGE' }),
    );
  });

  it('rejects with the network error and its code', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(getJson(new URL(`http://127.0.0.1:${port}/`), options)).rejects.toThrow(
      expect.objectContaining({ code: 'ECONNREFUSED' }),
    );
  });

  it('stops when the signal aborts', async () => {
    const abort = new AbortController();
    const pending = getJson(new URL(`${base}/slow`), { ...options, signal: abort.signal });
    abort.abort();
    await expect(pending).rejects.toThrow(expect.objectContaining({ name: 'AbortError' }));
  });
});
