import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { LlmFixtureServer } from './fixtures/llm-server';
import { bearer, startTestApp } from './support/test-app';

const question = { model: 'sonar', messages: [{ role: 'user', content: 'What is Answergate?' }] };

/** No request field is silently dropped: honoured, or a 400 naming it. */
describe('chat request fields', () => {
  let llm: LlmFixtureServer;
  let app: NestExpressApplication;
  let server: any;

  beforeAll(async () => {
    llm = await LlmFixtureServer.start();
    app = await startTestApp({
      LLM_BASE_URL: llm.url,
      SEARCH_PROVIDER: 'local',
      LOCAL_INDEX_DIR: 'docs',
    });
    server = app.getHttpServer();
  });
  afterAll(async () => {
    await app.close();
    await llm.close();
  });
  beforeEach(() => llm.reset());

  const post = (body: object) =>
    request(server)
      .post('/v1/chat/completions')
      .set(bearer())
      .send({ ...question, ...body });
  const answerCall = () =>
    llm.requests.find((r) => r.body?.messages?.[0]?.content.includes('Sources:'))!.body!;

  it.each([
    ['tools', { tools: [{ type: 'function', function: { name: 'f' } }] }, 'tools'],
    ['tool_choice', { tool_choice: 'auto' }, 'tool_choice'],
    ['functions', { functions: [{ name: 'f' }] }, 'functions'],
    ['logprobs: true', { logprobs: true }, 'logprobs'],
    ['n > 1', { n: 2 }, 'n'],
    ['response_format (not yet)', { response_format: { type: 'json_object' } }, 'response_format'],
    [
      'user_location (not yet)',
      { web_search_options: { user_location: { country: 'US' } } },
      'web_search_options.user_location',
    ],
    [
      'an image part',
      {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'hi' },
              { type: 'image_url', image_url: { url: 'x' } },
            ],
          },
        ],
      },
      'messages[0].content[1]',
    ],
  ])('refuses %s with 400 unsupported_parameter naming it', async (_name, body, param) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'unsupported_parameter',
      param,
      type: 'invalid_request_error',
    });
    expect(res.body.error.message.length).toBeGreaterThan(20);
  });

  it('refuses a field no schema knows with 400 unknown_parameter, top-level and nested', async () => {
    const top = await post({ colour: 'blue' });
    expect(top.status).toBe(400);
    expect(top.body.error).toMatchObject({ code: 'unknown_parameter', param: 'colour' });
    const nested = await post({ stream_options: { include_usage: true, extra: 1 } });
    expect(nested.body.error).toMatchObject({
      code: 'unknown_parameter',
      param: 'stream_options.extra',
    });
    const search = await request(server)
      .post('/v1/search')
      .set(bearer())
      .send({ query: 'x', colour: 1 });
    expect(search.body.error).toMatchObject({ code: 'unknown_parameter', param: 'colour' });
  });

  it('accepts logprobs false and n = 1', async () => {
    await post({ logprobs: false, n: 1 }).expect(200);
  });

  it('sends a developer message upstream as the system prompt', async () => {
    await post({
      messages: [{ role: 'developer', content: 'Answer like a pirate.' }, question.messages[0]],
    }).expect(200);
    expect(answerCall().messages![0]).toMatchObject({ role: 'system' });
    expect(answerCall().messages![0].content).toContain('Answer like a pirate.');
  });

  it('sends max_completion_tokens upstream as max_tokens, with seed and top_k', async () => {
    await post({ max_completion_tokens: 77, seed: 42, top_k: 5 }).expect(200);
    expect(answerCall()).toMatchObject({ max_tokens: 77, seed: 42, top_k: 5 });
  });
});

describe('the extractive answerer honours the token limit', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await startTestApp({ SEARCH_PROVIDER: 'local', LOCAL_INDEX_DIR: 'docs' });
  });
  afterAll(() => app.close());

  it('stops at max_completion_tokens with finish_reason length', async () => {
    const full = await request(app.getHttpServer())
      .post('/v1/chat/completions')
      .set(bearer())
      .send(question)
      .expect(200);
    expect(full.body.usage.completion_tokens).toBeGreaterThan(8);
    const cut = await request(app.getHttpServer())
      .post('/v1/chat/completions')
      .set(bearer())
      .send({ ...question, max_completion_tokens: 5 })
      .expect(200);
    expect(cut.body.usage.completion_tokens).toBeLessThanOrEqual(5);
    expect(cut.body.choices[0].finish_reason).toBe('length');
  });
});
