import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { RawEnvironment } from '@answergate/common';
import { bearer, startTestApp, TEST_KEY } from './support/test-app';

/** The whole envelope, `param` included: null unless the test names the parameter. */
const expectEnvelope = (
  body: any,
  code: string | null,
  { type = 'invalid_request_error', param = null as string | null } = {},
) => {
  expect(body).toEqual({ error: { message: expect.any(String), type, code, param } });
};

describe('foundation (auth, models, errors, docs, health)', () => {
  let app: NestExpressApplication;
  let server: any;

  beforeAll(async () => {
    app = await startTestApp({ BODY_LIMIT: '2kb' });
    server = app.getHttpServer();
  });
  afterAll(() => app.close());

  describe('bearer auth', () => {
    it('rejects a request with no key', async () => {
      const res = await request(server).get('/v1/models').expect(401);
      expectEnvelope(res.body, 'invalid_api_key');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it('rejects a wrong key and a malformed header', async () => {
      const wrong = await request(server).get('/v1/models').set(bearer('nope')).expect(401);
      expectEnvelope(wrong.body, 'invalid_api_key');
      const basic = await request(server)
        .get('/v1/models')
        .set('Authorization', `Basic ${TEST_KEY}`)
        .expect(401);
      expectEnvelope(basic.body, 'invalid_api_key');
    });

    it('accepts the right key', async () => {
      await request(server).get('/v1/models').set(bearer()).expect(200);
    });

    it('leaves health open', async () => {
      await request(server).get('/health/live').expect(200);
      const ready = await request(server).get('/health/ready').expect(200);
      expect(ready.body.info.auth.status).toBe('up');
    });
  });

  describe('models', () => {
    it('lists the registered models in OpenAI shape, default first', async () => {
      const res = await request(server).get('/v1/models').set(bearer()).expect(200);
      expect(res.body.object).toBe('list');
      expect(res.body.data.map((m: any) => m.id)).toEqual([
        'default',
        'sonar',
        'sonar-pro',
        'sonar-reasoning',
        'sonar-reasoning-pro',
        'sonar-deep-research',
      ]);
      expect(res.body.data[0]).toEqual({
        id: 'default',
        object: 'model',
        created: expect.any(Number),
        owned_by: 'answergate',
      });
    });

    it('gets one model and 404s an unknown one', async () => {
      const one = await request(server).get('/v1/models/sonar-pro').set(bearer()).expect(200);
      expect(one.body.id).toBe('sonar-pro');
      const missing = await request(server).get('/v1/models/gpt-9').set(bearer()).expect(404);
      expectEnvelope(missing.body, 'model_not_found', { param: 'id' });
    });
  });

  describe('error envelope', () => {
    it('answers an unknown route with 404', async () => {
      const res = await request(server).post('/v1/nothing-here').set(bearer()).expect(404);
      expectEnvelope(res.body, 'unknown_url');
      expect(res.body.error.message).toContain('/v1/nothing-here');
    });

    it('answers a known route asked with the wrong method with 405 and Allow', async () => {
      const chat = await request(server).get('/v1/chat/completions').set(bearer()).expect(405);
      expectEnvelope(chat.body, 'method_not_allowed');
      expect(chat.headers.allow).toBe('POST');
      const models = await request(server).delete('/v1/models').set(bearer()).expect(405);
      expect(models.headers.allow).toBe('GET, HEAD');
      // A route with a path parameter, and the Perplexity layout at the root.
      const one = await request(server).post('/v1/models/sonar').set(bearer()).expect(405);
      expect(one.headers.allow).toBe('GET, HEAD');
      const root = await request(server).get('/chat/completions').set(bearer()).expect(405);
      expect(root.headers.allow).toBe('POST');
    });

    it('checks the key before saying the method is wrong', async () => {
      const res = await request(server).get('/v1/chat/completions').set(bearer('nope')).expect(401);
      expectEnvelope(res.body, 'invalid_api_key');
    });

    it('answers malformed JSON with 400', async () => {
      const res = await request(server)
        .post('/v1/models')
        .set(bearer())
        .set('Content-Type', 'application/json')
        .send('{"model": "sonar",')
        .expect(400);
      expectEnvelope(res.body, 'invalid_json');
    });

    it('answers a body over the limit with 413', async () => {
      const res = await request(server)
        .post('/v1/models')
        .set(bearer())
        .send({ padding: 'x'.repeat(4096) })
        .expect(413);
      expectEnvelope(res.body, 'request_too_large');
    });

    /** Sends `text` on a raw socket to the app and gives everything it answered until it closed. */
    async function rawExchange(text: string): Promise<string> {
      const { connect } = await import('node:net');
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address();
        return await new Promise<string>((resolve, reject) => {
          let answer = '';
          const socket = connect(port, '127.0.0.1', () => socket.write(text));
          socket.on('data', (chunk) => (answer += chunk.toString()));
          socket.on('error', reject);
          socket.on('close', () => resolve(answer));
        });
      } finally {
        server.close();
      }
    }

    it('answers a body declared over the limit with 413 at once, before it is sent', async () => {
      // 100 MB declared, a few bytes sent: the answer must not wait for the rest.
      const raw = await rawExchange(
        'POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n' +
          `Authorization: Bearer ${TEST_KEY}\r\nContent-Type: application/json\r\n` +
          'Content-Length: 100000000\r\n\r\n{"model":',
      );
      expect(raw).toMatch(/^HTTP\/1.1 413 /);
      expect(raw).toMatch(/\r\nConnection: close\r\n/i);
      expectEnvelope(JSON.parse(raw.split('\r\n\r\n')[1]), 'request_too_large');
    });

    it('answers malformed HTTP in the envelope too', async () => {
      const raw = await rawExchange('GARBAGE\r\n\r\n');
      expect(raw).toMatch(/^HTTP\/1.1 400 /);
      expect(JSON.parse(raw.split('\r\n\r\n')[1])).toMatchObject({
        error: { type: 'invalid_request_error', code: 'invalid_request' },
      });
    });

    it('never shows a stack trace', async () => {
      const res = await request(server)
        .post('/v1/models')
        .set(bearer())
        .set('Content-Type', 'application/json')
        .send('{oops')
        .expect(400);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
    });
  });

  describe('response headers', () => {
    it('lets a browser read refusals of the body (400, 413, 415): they carry the CORS headers', async () => {
      const origin = 'https://app.example';
      const invalid = await request(server)
        .post('/v1/chat/completions')
        .set(bearer())
        .set('Origin', origin)
        .set('Content-Type', 'application/json')
        .send('{oops')
        .expect(400);
      const tooLarge = await request(server)
        .post('/v1/chat/completions')
        .set(bearer())
        .set('Origin', origin)
        .send({ padding: 'x'.repeat(4096) })
        .expect(413);
      const notJson = await request(server)
        .post('/v1/chat/completions')
        .set(bearer())
        .set('Origin', origin)
        .set('Content-Type', 'text/plain')
        .send('hello')
        .expect(415);
      for (const res of [invalid, tooLarge, notJson]) {
        expect(res.headers['access-control-allow-origin']).toBe('*');
      }
    });

    it("answers with helmet's headers, without X-Powered-By or an ETag", async () => {
      const res = await request(server).get('/v1/models').set(bearer()).expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['strict-transport-security']).toContain('max-age=');
      expect(res.headers).not.toHaveProperty('x-powered-by');
      // Bodies carry fresh ids or change with the index: an ETag would never match.
      expect(res.headers).not.toHaveProperty('etag');
    });
  });

  describe('swagger', () => {
    it('documents every /v1 route with the bearer scheme', async () => {
      const res = await request(server).get('/docs-json').expect(200);
      const doc = res.body;
      expect(doc.components.securitySchemes['api-key']).toMatchObject({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'API key',
      });
      const v1Routes = app
        .getHttpAdapter()
        .getInstance()
        .router.stack.filter((layer: any) => layer.route?.path?.startsWith('/v1'))
        .map((layer: any) => layer.route.path.replace(/:(\w+)/g, '{$1}'));
      expect(v1Routes.length).toBeGreaterThan(0);
      for (const path of v1Routes) {
        expect(Object.keys(doc.paths)).toContain(path);
        for (const operation of Object.values<any>(doc.paths[path])) {
          expect(operation.security).toEqual([{ 'api-key': [] }]);
        }
      }
    });

    it('serves the explorer at /docs', async () => {
      const res = await request(server).get('/docs').redirects(1).expect(200);
      expect(res.text).toContain('swagger-ui');
      // Its scripts are same-origin files, allowed by the CSP even over plain HTTP.
      expect(res.text).toMatch(/<script src="\.\/(docs\/)?swagger-ui-init\.js">/);
      const csp = res.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      await request(server).get('/docs/swagger-ui-init.js').expect(200);
    });
  });
});

describe('production with no keys', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production', API_KEYS: '' });
  });
  afterAll(() => app.close());

  it('answers /v1 with 503 and is not ready', async () => {
    const res = await request(app.getHttpServer()).get('/v1/models').set(bearer()).expect(503);
    expectEnvelope(res.body, 'service_unavailable', { type: 'server_error' });
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expectEnvelope(ready.body, 'not_ready', { type: 'server_error' });
    expect(ready.body.error.message).toContain('auth');
    await request(app.getHttpServer()).get('/health/live').expect(200);
  });
});

describe('configuration', () => {
  /** The error a bad environment fails with; an app that started anyway is closed first. */
  const startupError = async (env: RawEnvironment): Promise<Error> => {
    const app = await startTestApp(env).catch((error: Error) => error);
    if (app instanceof Error) return app;
    await app.close();
    throw new Error(`the app started with ${JSON.stringify(env)}`);
  };

  it('refuses to start on a bad value, naming the variable', async () => {
    const error = await startupError({ PORT: '70000', LLM_API_KEY: 'sk-secret' });
    expect(error.message).toMatch(/PORT: .*65535/);
  });

  it('never echoes a secret variable in the error', async () => {
    const error = await startupError({ REDIS_URL: 'ftp://user:hunter2@redis' });
    expect(error.message).toMatch(/REDIS_URL/);
    expect(error.message).not.toContain('hunter2');
  });

  it('shows a bad URL without the password it carries', async () => {
    const error = await startupError({ LLM_BASE_URL: 'ftp://user:secret@llm.internal/v1' });
    expect(error.message).toContain('LLM_BASE_URL');
    expect(error.message).toContain('ftp://llm.internal/v1');
    expect(error.message).not.toMatch(/secret|user:/);
  });
});
