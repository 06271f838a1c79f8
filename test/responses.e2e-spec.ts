import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import OpenAI from 'openai';
import { LlmFixtureServer } from './fixtures/llm-server';
import { RedisServer } from './support/redis-server';
import { startTestApp, TEST_KEY } from './support/test-app';

const OTHER_KEY = 'other-key-9876543210';

/** `POST /v1/responses` with the official SDK, stored responses in memory and in Redis. */
describe.each(['memory', 'redis'])('the Responses API (%s store)', (storeKind) => {
  let llm: LlmFixtureServer;
  let redis: RedisServer | undefined;
  let app: NestExpressApplication;
  let client: OpenAI;
  let other: OpenAI;

  beforeAll(async () => {
    llm = await LlmFixtureServer.start();
    if (storeKind === 'redis') redis = await RedisServer.start();
    app = await startTestApp({
      API_KEYS: `${TEST_KEY},${OTHER_KEY}`,
      LLM_BASE_URL: llm.url,
      SEARCH_PROVIDER: 'local',
      LOCAL_INDEX_DIR: 'docs',
      ...(redis ? { REDIS_URL: redis.url } : {}),
    });
    await app.listen(0, '127.0.0.1');
    const baseURL = `${await app.getUrl()}/v1`;
    client = new OpenAI({ baseURL, apiKey: TEST_KEY, maxRetries: 0 });
    other = new OpenAI({ baseURL, apiKey: OTHER_KEY, maxRetries: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await llm?.close();
    await redis?.stop();
  });
  beforeEach(() => {
    llm.reset();
    llm.respond = () => 'Results are cached [1], in Redis when REDIS_URL is set [2].';
  });

  it('answers with a web_search_call, a cited message, output_text and usage', async () => {
    const response = await client.responses.create({
      model: 'sonar',
      input: 'How does Answergate cache search results?',
      instructions: 'Be brief.',
    });
    expect(response.status).toBe('completed');
    const [search, message] = response.output as any[];
    expect(search).toMatchObject({ type: 'web_search_call', status: 'completed' });
    expect(search.action.query.length).toBeGreaterThan(0);
    expect(message).toMatchObject({ type: 'message', role: 'assistant' });
    const text = message.content[0];
    expect(response.output_text).toBe(text.text);
    expect(text.annotations).toHaveLength(2);
    for (const a of text.annotations) {
      expect(a).toMatchObject({ type: 'url_citation', url: expect.stringMatching(/./) });
      expect(text.text.slice(a.start_index, a.end_index)).toMatch(/^\[\d\]$/);
    }
    expect(response.usage!.total_tokens).toBe(
      response.usage!.input_tokens + response.usage!.output_tokens,
    );
    const system = llm.requests.at(-1)!.body!.messages![0].content;
    expect(system).toContain('Be brief.');
  });

  it("streams OpenAI's event sequence, ending with the completed response", async () => {
    const stream = await client.responses.create({
      model: 'sonar',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'How is the cache set?' }] }],
      stream: true,
    });
    const types: string[] = [];
    let completed: any;
    let deltas = '';
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') deltas += event.delta;
      if (event.type === 'response.completed') completed = event.response;
    }
    const order = [
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ];
    // The last of each: the web_search_call item is added and done before the message.
    const positions = order.map((type) => types.lastIndexOf(type));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(types).toContain('response.output_text.annotation.added');
    expect(completed.output_text).toBe(deltas);
  });

  it('continues a stored response with previous_response_id, for its own key only', async () => {
    const first = await client.responses.create({ model: 'sonar', input: 'What is Answergate?' });
    const fetched = await client.responses.retrieve(first.id);
    expect(fetched.output_text).toBe(first.output_text);
    await expect(other.responses.retrieve(first.id)).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(
      other.responses.create({ model: 'sonar', input: 'And?', previous_response_id: first.id }),
    ).rejects.toBeInstanceOf(OpenAI.NotFoundError);

    llm.reset();
    await client.responses.create({
      model: 'sonar',
      input: 'How does it cache?',
      previous_response_id: first.id,
    });
    const sent = llm.requests.find((r) => r.body?.messages?.[0]?.content.includes('Sources:'))!;
    const contents = sent.body!.messages!.map((m: any) => m.content);
    expect(contents).toContain('What is Answergate?');
    expect(contents).toContain(first.output_text);
  });

  it('keeps nothing with store: false', async () => {
    const response = await client.responses.create({
      model: 'sonar',
      input: 'What is Answergate?',
      store: false,
    });
    await expect(client.responses.retrieve(response.id)).rejects.toBeInstanceOf(
      OpenAI.NotFoundError,
    );
  });

  it('refuses tools with 400 unsupported_parameter', async () => {
    const error = await client.responses
      .create({ model: 'sonar', input: 'x', tools: [{ type: 'web_search' }] as any })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as any).code).toBe('unsupported_parameter');
  });
});
