import { request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from '@jest/globals';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { byteCount, jsonBody } from './json-body';

const LIMIT = '1kb';
const always = () => true;

/** An app that parses with `parser` and answers what it got: the body, or the error's type. */
function appWith(parser: RequestHandler): express.Express {
  const app = express();
  app.use(parser);
  app.post('/', (req, res) => {
    res.json({ body: req.body as unknown });
  });
  const onError: ErrorRequestHandler = (error: { status?: number; type?: string }, _r, res, _n) => {
    res.status(error.status ?? 500).json({ error: error.type });
  };
  app.use(onError);
  return app;
}

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
});

/** Starts `app` on a free port (closed after all tests) and gives its port. */
async function listening(app: express.Express): Promise<number> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((ready) => server.once('listening', ready));
  return (server.address() as AddressInfo).port;
}

const ours = listening(appWith(jsonBody({ limit: LIMIT, type: always })));
const bodyParser = listening(appWith(express.json({ limit: LIMIT, type: always })));

/** Status and JSON answer of the app on `port` to a POST of these exact bytes and headers. */
async function answer(port: Promise<number>, headers: Record<string, string>, body: Buffer) {
  const options = { port: await port, host: '127.0.0.1', method: 'POST', path: '/' };
  const headersWithLength = { ...headers, 'Content-Length': String(body.length) };
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = httpRequest({ ...options, headers: headersWithLength }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'Content-Type': 'application/json' };
const cases: Array<[string, Record<string, string>, Buffer]> = [
  ['an object', json, Buffer.from('{"query":"caché","max_results":5}')],
  ['an array', json, Buffer.from('[1,2]')],
  ['charset=utf-8', { 'Content-Type': 'application/json; charset=utf-8' }, Buffer.from('{}')],
  ['leading whitespace', json, Buffer.from(' \n{"a":1}')],
  ['a byte-order mark', json, Buffer.from('\ufeff{"a":1}')],
  ['invalid JSON', json, Buffer.from('{"a":')],
  ['a bare string (strict mode)', json, Buffer.from('"text"')],
  ['invalid UTF-8', json, Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])],
  ['latin1', { 'Content-Type': 'application/json; charset=latin1' }, Buffer.from('{}')],
  ['gzip', { ...json, 'Content-Encoding': 'gzip' }, gzipSync('{"zipped":true}')],
  ['an unknown encoding', { ...json, 'Content-Encoding': 'nope' }, Buffer.from('{}')],
];

describe('jsonBody', () => {
  it.each(cases)('answers %s exactly as body-parser does', async (_name, headers, body) => {
    const expected = await answer(bodyParser, headers, body);
    expect(await answer(ours, headers, body)).toEqual(expected);
  });

  it('parses a plain JSON body itself, without body-parser', async () => {
    // A `type` that only body-parser would call a second time tells which path ran.
    let asked = 0;
    const app = listening(appWith(jsonBody({ limit: LIMIT, type: () => ++asked > 0 })));
    const res = await answer(app, json, Buffer.from('{"a":[1,"b"]}'));
    expect(res).toEqual({ status: 200, body: { body: { a: [1, 'b'] } } });
    expect(asked).toBe(1);
  });

  it('leaves the body alone when `type` says no', async () => {
    const app = listening(appWith(jsonBody({ limit: LIMIT, type: () => false })));
    expect(await answer(app, json, Buffer.from('{"a":1}'))).toEqual({ status: 200, body: {} });
  });
});

/**
 * Sends `head` (request line, headers and the start of a body) on a raw socket to an app with
 * `jsonBody` first, and gives the error it passed on, and the socket (destroyed by the caller).
 */
async function errorPassedOn(head: string) {
  const app = express();
  const failed = new Promise<{ status?: number; code?: string; headers?: object }>((resolve) => {
    app.use(jsonBody({ limit: LIMIT, type: always }));
    app.post('/', (_req, res) => res.json({ reached: 'route' }));
    const onError: ErrorRequestHandler = (error: { status?: number }, _r, res, _n) => {
      resolve(error);
      res.end();
    };
    app.use(onError);
  });
  const socket = connect(await listening(app), '127.0.0.1');
  socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${head}`);
  return { failed, socket };
}

describe('jsonBody, a body declared over the limit', () => {
  it('passes a 413 request_too_large error on before reading the body, with Connection: close', async () => {
    // 1 MB declared and only a few bytes sent: body-parser would wait for the rest.
    const { failed, socket } = await errorPassedOn('Content-Length: 1048576\r\n\r\n{"a":');
    try {
      expect(await failed).toMatchObject({
        status: 413,
        code: 'request_too_large',
        headers: { Connection: 'close' },
      });
    } finally {
      socket.destroy();
    }
  });
});

describe('jsonBody, client gone mid-body', () => {
  it('passes a 400 request_aborted error on, as body-parser answers that case', async () => {
    const { failed, socket } = await errorPassedOn('Content-Length: 100\r\n\r\n{"a":');
    setTimeout(() => socket.destroy(), 50);
    expect(await failed).toMatchObject({ status: 400, code: 'request_aborted' });
  });
});

describe('byteCount', () => {
  it('reads BODY_LIMIT as body-parser does (binary units)', () => {
    expect(byteCount('1mb')).toBe(1024 * 1024);
    expect(byteCount('512KB')).toBe(512 * 1024);
    expect(byteCount('100b')).toBe(100);
    expect(byteCount('2048')).toBe(2048);
    expect(() => byteCount('1 gigabyte')).toThrow('Not a byte size');
  });
});
