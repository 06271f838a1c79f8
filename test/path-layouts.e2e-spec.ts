import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { bearer, startTestApp } from './support/test-app';

/** The same API at the server root (Perplexity's layout) and under /v1 (OpenAI's). */
describe('path layouts: root and /v1', () => {
  let app: NestExpressApplication;
  let server: any;

  beforeAll(async () => {
    app = await startTestApp({ SEARCH_PROVIDER: 'local', LOCAL_INDEX_DIR: 'docs' });
    server = app.getHttpServer();
  });
  afterAll(() => app.close());

  const question = { model: 'sonar', messages: [{ role: 'user', content: 'What is Answergate?' }] };

  it('answers POST /chat/completions and POST /search at the root', async () => {
    const chat = await request(server).post('/chat/completions').set(bearer()).send(question);
    expect(chat.status).toBe(200);
    expect(chat.body.object).toBe('chat.completion');
    const search = await request(server).post('/search').set(bearer()).send({ query: 'cache' });
    expect(search.status).toBe(200);
    expect(search.body.results.length).toBeGreaterThan(0);
  });

  it('puts the HTTP status in error.code at the root and the string code under /v1', async () => {
    const root = await request(server).post('/search').set(bearer()).send({ query: '' });
    expect(root.status).toBe(400);
    expect(root.body.error).toMatchObject({ type: 'invalid_request_error', code: 400 });
    const v1 = await request(server).post('/v1/search').set(bearer()).send({ query: '' });
    expect(v1.status).toBe(400);
    expect(v1.body.error.code).toBe('invalid_value');
    const wrongKey = await request(server).post('/chat/completions').set(bearer('nope'));
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body.error.code).toBe(401);
  });

  it('checks the key before answering an unknown route, on both layouts', async () => {
    for (const path of ['/v1/nothing-here', '/nothing-here', '/v1/responses/x/y']) {
      const wrong = await request(server).post(path).set(bearer('nope'));
      expect(wrong.status).toBe(401);
      const none = await request(server).get(path);
      expect(none.status).toBe(401);
      const known = await request(server).post(path).set(bearer());
      expect(known.status).toBe(404);
    }
    const root = await request(server).get('/nothing-here').set(bearer());
    expect(root.body.error).toMatchObject({
      code: 404,
      message: expect.stringContaining('/nothing'),
    });
  });

  it('keeps probes and the docs open to requests without a key', async () => {
    await request(server).get('/health/live').expect(200);
    const docs = await request(server).get('/docs-json');
    expect(docs.status).toBe(200);
  });
});
