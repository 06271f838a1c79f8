import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { bearer, startTestApp } from './support/test-app';

const NO_ANSWER = 'The sources found do not answer this question.';

interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
}
type Document = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

/** The text of a streamed chat answer: every content delta of its `data:` events. */
function streamedContent(body: string): string {
  return body
    .split('\n')
    .filter((line) => line.startsWith('data: {'))
    .map(
      (line) => JSON.parse(line.slice(6)) as { choices?: Array<{ delta?: { content?: string } }> },
    )
    .map((chunk) => chunk.choices?.[0]?.delta?.content ?? '')
    .join('');
}

/** What Swagger's "Try it out" shows on the default start: embedded index over docs/, embedded answerer. */
describe('Swagger on the default start', () => {
  let app: NestExpressApplication;
  let doc: Document;

  beforeAll(async () => {
    app = await startTestApp();
    doc = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body as Document;
  }, 60_000);
  afterAll(() => app.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );

  it('answers every documented request example with a cited answer or a non-empty result list', async () => {
    const sent: string[] = [];
    for (const { path, method, operation } of operations()) {
      const examples = operation.requestBody?.content['application/json']?.examples ?? {};
      for (const [name, { value }] of Object.entries(examples)) {
        const res = await request(app.getHttpServer())
          [method as 'post'](path)
          .set(bearer())
          .send(value as object);
        const label = `${operation.operationId} example "${name}"`;
        expect({ label, status: res.status }).toEqual({ label, status: 200 });
        if (operation.operationId.startsWith('search')) {
          expect({ label, results: res.body.results.length > 0 }).toEqual({ label, results: true });
        } else if ((value as { stream?: boolean }).stream) {
          const content = streamedContent(res.text);
          expect({ label, content }).toEqual({ label, content: expect.stringMatching(/\[\d\]/) });
        } else {
          const content: string = res.body.choices[0].message.content;
          expect({ label, content }).toEqual({ label, content: expect.stringMatching(/\[\d\]/) });
          expect(content).not.toContain(NO_ANSWER);
          expect(res.body.citations.length).toBeGreaterThan(0);
        }
        sent.push(label);
      }
    }
    expect(sent.filter((label) => label.startsWith('createChatCompletion')).length).toBeGreaterThan(
      1,
    );
    expect(sent.filter((label) => label.startsWith('search')).length).toBeGreaterThan(1);
  }, 60_000);

  it('names operations as the protocols do, each id once', () => {
    const ids = Object.fromEntries(
      operations().map(({ path, method, operation }) => [
        `${method} ${path}`,
        operation.operationId,
      ]),
    );
    expect(ids).toMatchObject({
      'post /v1/chat/completions': 'createChatCompletion',
      'post /v1/search': 'search',
      'get /v1/models': 'listModels',
      'get /v1/models/{id}': 'retrieveModel',
      'post /chat/completions': 'createChatCompletionAtRoot',
      'post /search': 'searchAtRoot',
    });
    expect(new Set(Object.values(ids)).size).toBe(Object.keys(ids).length);
  });

  it('names schemas without a Dto suffix, and every reference resolves', () => {
    const names = Object.keys(doc.components.schemas);
    expect(names).toEqual(
      expect.arrayContaining(['ChatCompletion', 'ChatCompletionRequest', 'SearchResponse']),
    );
    expect(names.filter((name) => name.endsWith('Dto'))).toEqual([]);
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    for (const ref of new Set(refs)) expect(names).toContain(ref);
  });

  it('shows each error status its own example envelope', () => {
    const chat = doc.paths['/v1/chat/completions'].post.responses;
    const example = (status: string) =>
      chat[status].content?.['application/json']?.example as { error: { code: string } };
    expect(example('400').error.code).toBe('invalid_value');
    expect(example('401').error.code).toBe('invalid_api_key');
    expect(example('404').error.code).toBe('model_not_found');
    expect(example('415').error.code).toBe('unsupported_media_type');
    expect(example('429').error.code).toBe('rate_limit_exceeded');
    const messages = ['400', '401', '404', '413', '415', '429', '502', '503', '504'].map((status) =>
      JSON.stringify(example(status)),
    );
    expect(new Set(messages).size).toBe(messages.length);
  });
});

describe('messages for a missing field or a body that is not JSON', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await startTestApp();
  }, 60_000);
  afterAll(() => app.close());

  const chat = () => request(app.getHttpServer()).post('/v1/chat/completions').set(bearer());

  it('{} says a model must be provided', async () => {
    const res = await chat().send({}).expect(400);
    expect(res.body.error).toMatchObject({
      param: 'model',
      message: expect.stringMatching(/^you must provide a model parameter/),
    });
  });

  it('{"model":"sonar"} says messages must be provided', async () => {
    const res = await chat().send({ model: 'sonar' }).expect(400);
    expect(res.body.error).toMatchObject({
      param: 'messages',
      message: expect.stringMatching(/^you must provide a messages parameter/),
    });
  });

  it('a search without a query says a query must be provided', async () => {
    const res = await request(app.getHttpServer())
      .post('/v1/search')
      .set(bearer())
      .send({})
      .expect(400);
    expect(res.body.error).toMatchObject({
      param: 'query',
      message: expect.stringMatching(/^you must provide a query/),
    });
  });

  it('a body sent as form data (curl -d without -H) answers 415 naming the Content-Type header', async () => {
    const res = await chat()
      .type('form')
      .send('{"model":"sonar","messages":[{"role":"user","content":"hi"}]}')
      .expect(415);
    expect(res.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'unsupported_media_type',
      param: 'Content-Type',
      message: expect.stringContaining('Content-Type: application/json'),
    });
    expect(res.body.error.message).toContain('application/x-www-form-urlencoded');
  });

  it('a request without a body still reaches validation', async () => {
    const res = await chat().expect(400);
    expect(res.body.error.param).toBe('model');
  });
});
