import { type ClientRequest, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { Metrics } from '@answergate/common';
import { DrainService } from '../lifecycle/drain.service';
import { AppLogger } from '../logging/app-logger';
import { requestContext } from '../logging/request-context';
import { RequestLog } from '../logging/request-log';
import { requestLifecycle } from './request-lifecycle.middleware';

type LogRecord = Record<string, unknown>;

/** An app with the lifecycle middleware first, its pino writing into `lines`. */
function appWithLogs(level = 'info', cors?: express.RequestHandler) {
  const lines: LogRecord[] = [];
  const root = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const metrics = new Metrics();
  const app = express();
  const headers: Array<[string, string]> = [['X-Content-Type-Options', 'nosniff']];
  const drain = new DrainService(metrics);
  app.use(requestLifecycle({ log: new RequestLog(root), metrics, headers, drain, cors }));
  return { app, lines, metrics, drain, logger: new AppLogger(root) };
}

/**
 * Serves `app` on a free port and sends one raw GET of `path` with `X-Request-Id: reqId`
 * (its errors swallowed), then runs `check` with the request; the server is closed after.
 */
async function withRawRequest(
  app: express.Express,
  path: string,
  reqId: string,
  check: (client: ClientRequest) => Promise<void>,
): Promise<void> {
  const server = app.listen(0, '127.0.0.1');
  try {
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const client = httpRequest({
      port,
      host: '127.0.0.1',
      path,
      headers: { 'X-Request-Id': reqId },
    });
    client.on('error', () => undefined);
    await check(client);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/** GETs `path` from `app` with keep-alive (as fetch does), and returns the response. */
async function keepAliveGet(app: express.Express, path: string): Promise<globalThis.Response> {
  const server = app.listen(0, '127.0.0.1');
  try {
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    await res.arrayBuffer();
    return res;
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/** Resolves with the first line that `match` accepts, once the app has written it. */
async function lineFor(
  lines: LogRecord[],
  match: (line: LogRecord) => boolean,
): Promise<LogRecord> {
  for (let tries = 0; tries < 200; tries += 1) {
    const found = lines.find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`no matching log line in ${JSON.stringify(lines)}`);
}

describe('requestLifecycle', () => {
  it('sets the given headers on every response', async () => {
    const { app } = appWithLogs();
    app.get('/', (_req, res) => res.end());
    const res = await request(app).get('/').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('counts finished requests by method, route pattern and status, and errors by code', async () => {
    const { app, metrics } = appWithLogs('silent');
    app.get('/v1/models/:id', (_req, res) => res.json({}));
    app.get('/fails', (_req, res) => {
      res.locals.errorCode = 'upstream_error';
      res.status(502).json({});
    });
    await request(app).get('/v1/models/a').expect(200);
    await request(app).get('/v1/models/b').expect(200);
    await request(app).get('/fails').expect(502);
    await new Promise((resolve) => setImmediate(resolve));
    const text = await metrics.registry.metrics();
    expect(text).toContain(
      'answergate_http_request_duration_seconds_count{method="GET",route="/v1/models/:id",status="200"} 2',
    );
    expect(text).toContain('answergate_errors_total{status="502",code="upstream_error"} 1');
  });

  it('writes one line when the response ends, with id, path, route, status, time and key id', async () => {
    const { app, lines } = appWithLogs();
    app.get('/v1/models/:id', (req, res) => {
      (req as express.Request & { apiKeyId?: string }).apiKeyId = 'abcdef012345';
      res.json({ id: req.params.id });
    });
    const res = await request(app)
      .get('/v1/models/sonar?secret=1')
      .set('X-Request-Id', 'trace-42')
      .expect(200);
    expect(res.headers['x-request-id']).toBe('trace-42');
    const line = await lineFor(lines, (l) => l.reqId === 'trace-42');
    expect(line).toMatchObject({
      level: 30,
      req: { id: 'trace-42', method: 'GET', url: '/v1/models/sonar' },
      res: { status: 200 },
      responseTime: expect.any(Number),
      route: '/v1/models/:id',
      keyId: 'abcdef012345',
      total_ms: expect.any(Number),
      msg: 'request completed',
    });
    expect(lines.filter((l) => l.reqId === 'trace-42')).toHaveLength(1);
  });

  it('makes an id when the caller sends none or an unusable one', async () => {
    const { app } = appWithLogs();
    app.get('/', (_req, res) => res.end());
    const made = await request(app).get('/').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await request(app).get('/').set('X-Request-Id', 'has spaces{}').expect(200);
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives log lines written while serving the request its id', async () => {
    const { app, lines, logger } = appWithLogs();
    app.get('/', (_req, res) => {
      setImmediate(() => {
        logger.warn('classifier failed', 'Test');
        res.end();
      });
    });
    await request(app).get('/').set('X-Request-Id', 'inner-1').expect(200);
    expect(await lineFor(lines, (l) => l.msg === 'classifier failed')).toMatchObject({
      reqId: 'inner-1',
      context: 'Test',
    });
  });

  it('runs requests without a context when the level is silent (no line could carry the id)', async () => {
    const { app } = appWithLogs('silent');
    let seen: unknown = 'not reached';
    app.get('/', (_req, res) => {
      seen = requestContext.getStore();
      res.end();
    });
    await request(app).get('/').set('X-Request-Id', 'quiet-1').expect(200);
    expect(seen).toBeUndefined();
  });

  it('logs a 5xx at error level as "request errored"', async () => {
    const { app, lines } = appWithLogs();
    app.get('/', (_req, res) => res.status(502).json({}));
    await request(app).get('/').set('X-Request-Id', 'bad-gateway').expect(502);
    expect(await lineFor(lines, (l) => l.reqId === 'bad-gateway')).toMatchObject({
      level: 50,
      res: { status: 502 },
      msg: 'request errored',
    });
  });

  it('logs one 401 per window, counting those left out', async () => {
    const { app, lines } = appWithLogs();
    app.get('/', (_req, res) => res.status(401).json({}));
    for (let i = 0; i < 3; i += 1) await request(app).get('/').expect(401);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(
      lines.filter((l) => (l.res as { status?: number } | undefined)?.status === 401),
    ).toHaveLength(1);
  });

  it('writes nothing when the level is silent', async () => {
    const { app, lines } = appWithLogs('silent');
    app.get('/', (_req, res) => res.status(500).end());
    await request(app).get('/').expect(500);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines).toEqual([]);
  });

  it('logs a request whose client went away before the answer', async () => {
    const { app, lines } = appWithLogs();
    let arrived!: () => void;
    const handled = new Promise<void>((resolve) => (arrived = resolve));
    app.get('/slow', () => arrived()); // never answers
    await withRawRequest(app, '/slow', 'gone-1', async (client) => {
      client.end();
      await handled;
      client.destroy();
      expect(await lineFor(lines, (l) => l.reqId === 'gone-1')).toMatchObject({
        req: { method: 'GET', url: '/slow' },
        res: { status: 200 },
      });
    });
  });

  it('writes one line and counts the request out once when its response fails, then closes', async () => {
    const { app, lines, drain } = appWithLogs();
    app.get('/broken', (_req, res) => {
      res.emit('error', new Error('socket broke'));
      res.destroy();
    });
    await withRawRequest(app, '/broken', 'broken-1', async (client) => {
      const gone = new Promise((resolve) => client.on('error', resolve));
      client.end();
      await gone;
      await lineFor(lines, (l) => l.reqId === 'broken-1');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lines.filter((l) => l.reqId === 'broken-1')).toHaveLength(1);
      expect(drain.inFlight).toBe(0);
    });
  });

  it('counts a request in flight until its response closes, and leaves keep-alive alone before a shutdown', async () => {
    const { app, drain } = appWithLogs('silent');
    let countedWhileServed = -1;
    app.get('/', (_req, res) => {
      countedWhileServed = drain.inFlight;
      res.end();
    });
    const res = await keepAliveGet(app, '/');
    expect(res.status).toBe(200);
    expect(countedWhileServed).toBe(1);
    expect(res.headers.get('connection')).toBe('keep-alive');
    await new Promise((resolve) => setImmediate(resolve));
    expect(drain.inFlight).toBe(0);
  });

  it('while draining, serves requests with Connection: close', async () => {
    const { app, drain } = appWithLogs('silent');
    app.get('/v1/models', (_req, res) => res.json({}));
    drain.begin();
    const res = await keepAliveGet(app, '/v1/models');
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
  });

  it('once refusing, answers /v1 requests 503 without reaching the route or counting them, probes still served', async () => {
    const { app, drain } = appWithLogs('silent');
    let reached = 0;
    let countedWhileServed = -1;
    app.get('/v1/models', (_req, res) => {
      reached += 1;
      res.json({});
    });
    app.get('/health/ready', (_req, res) => {
      countedWhileServed = drain.inFlight;
      res.json({});
    });
    drain.refuse();
    await request(app).get('/v1/models').expect(503);
    expect(reached).toBe(0);
    await request(app).get('/health/ready').expect(200);
    expect(countedWhileServed).toBe(1);
  });

  it('once refusing, answers its 503 with the CORS headers, so a browser can read it', async () => {
    const allowAll: express.RequestHandler = (_req, res, next) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      next();
    };
    const { app, drain } = appWithLogs('silent', allowAll);
    app.get('/v1/models', (_req, res) => res.json({}));
    drain.refuse();
    const res = await request(app).get('/v1/models').set('Origin', 'https://app.example');
    expect(res.status).toBe(503);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});
