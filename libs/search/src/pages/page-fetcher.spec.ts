import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { minimalPdf } from './minimal-pdf';
import { AllowList } from './allow-list';
import { PageFetchError } from './page-fetch.error';
import { fetchPageText, type PageFetchSettings } from './page-fetcher';

const ARTICLE = `<!doctype html><html><head><title>Fact page</title>
<script>var tracking = "SCRIPT-TEXT";</script></head><body>
<nav>Home | About | Contact</nav>
<article><h1>The lighthouse</h1>
<p>The lighthouse on the cape was built in 1871 by the harbour board, from granite quarried nearby.</p>
<p>Its lamp can be seen from 24 nautical miles away on a clear night, and it still works today.</p>
</article></body></html>`;

describe('fetchPageText against a real server', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];
  const hosts: string[] = [];
  const timers: NodeJS.Timeout[] = [];
  let settings: PageFetchSettings;
  const url = (path: string) => `http://pages.test:${port}${path}`;

  const routes: Record<string, (res: ServerResponse) => void> = {
    '/article': (res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
    '/gzip': (res) =>
      res
        .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
        .end(gzipSync('Compressed text arrives whole.')),
    '/plain': (res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end('Just text.\nTwo lines.'),
    '/doc.pdf': (res) =>
      res
        .writeHead(200, { 'content-type': 'application/pdf' })
        .end(minimalPdf(['The report says revenue grew 42 percent in 2025.'])),
    '/image': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end('PNG'),
    '/missing': (res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<p>gone</p>'),
    '/slow': (res) => {
      timers.push(
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('late'), 2000),
      );
    },
    '/huge': (res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const line = `${'word '.repeat(200)}\n`;
      let sent = 0;
      const pump = () => {
        while (sent < 20_000_000 && !res.destroyed) {
          sent += line.length;
          if (!res.write(line)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    },
    '/to-loopback': (res) => res.writeHead(302, { location: `http://localhost/secret` }).end(),
    '/to-other-port': (res) =>
      res.writeHead(301, { location: `http://127.0.0.2:${port}/secret` }).end(),
    '/hop1': (res) => res.writeHead(302, { location: '/hop2' }).end(),
    '/hop2': (res) => res.writeHead(307, { location: '/hop3' }).end(),
    '/hop3': (res) => res.writeHead(308, { location: '/plain' }).end(),
    '/loop': (res) => res.writeHead(302, { location: '/loop' }).end(),
    '/secret': (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('secret'),
  };

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      hits.push(req.url ?? '');
      hosts.push(req.headers.host ?? '');
      (routes[req.url ?? ''] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
    settings = {
      timeoutMs: 500,
      maxBytes: 64 * 1024,
      maxRedirects: 3,
      userAgent: 'answergate-test',
      allowList: new AllowList([`pages.test:${port}`]),
      // `pages.test` exists only here: a request reaching the server proves the pinned address was used.
      resolve: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
    };
  });
  afterAll(async () => {
    timers.forEach(clearTimeout);
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  const failure = async (path: string) => {
    try {
      await fetchPageText(url(path), settings);
      return 'no error';
    } catch (error) {
      return error instanceof PageFetchError ? `${error.outcome}: ${error.message}` : String(error);
    }
  };

  it('extracts the article of an HTML page, without scripts, via the pinned address', async () => {
    const text = await fetchPageText(url('/article'), settings);
    expect(text).toContain('built in 1871 by the harbour board');
    expect(text).toContain('24 nautical miles');
    expect(text).not.toContain('SCRIPT-TEXT');
    expect(hosts.at(-1)).toBe(`pages.test:${port}`);
  });

  it('reads plain text, gzip bodies and PDFs', async () => {
    expect(await fetchPageText(url('/plain'), settings)).toBe('Just text.\nTwo lines.');
    expect(await fetchPageText(url('/gzip'), settings)).toBe('Compressed text arrives whole.');
    expect(await fetchPageText(url('/doc.pdf'), settings)).toContain(
      'revenue grew 42 percent in 2025',
    );
  });

  it('follows up to three redirects and refuses a fourth', async () => {
    expect(await fetchPageText(url('/hop1'), settings)).toBe('Just text.\nTwo lines.');
    expect(await failure('/loop')).toBe('failed: more than 3 redirects');
    expect(hits.filter((hit) => hit === '/loop')).toHaveLength(4);
  });

  it('checks every redirect hop again and never requests a forbidden target', async () => {
    hits.length = 0;
    expect(await failure('/to-loopback')).toBe(
      'blocked: localhost resolves to loopback address 127.0.0.1',
    );
    expect(await failure('/to-other-port')).toBe(`blocked: port ${port} is not allowed`);
    expect(hits).toEqual(['/to-loopback', '/to-other-port']);
  });

  it('refuses other media types and error statuses', async () => {
    expect(await failure('/image')).toBe('failed: type image/png');
    expect(await failure('/missing')).toBe('failed: HTTP 404');
  });

  it('gives up on a slow page at the time cap', async () => {
    expect(await failure('/slow')).toBe('failed: timed out after 500 ms');
  });

  it('stops reading a huge page at the byte cap and keeps what it read', async () => {
    const text = await fetchPageText(url('/huge'), settings);
    expect(text.length).toBeLessThanOrEqual(64 * 1024);
    expect(text.length).toBeGreaterThan(60 * 1024);
  });
});
