import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import OpenAI from 'openai';
import { LlmFixtureServer } from './fixtures/llm-server';
import { startTestApp, TEST_KEY } from './support/test-app';

/** The official SDK pointed at the real app, which calls the fixture LLM over HTTP. */
describe('POST /v1/chat/completions with the openai SDK and an upstream LLM', () => {
  let llm: LlmFixtureServer;
  let app: NestExpressApplication;
  let client: OpenAI;

  beforeAll(async () => {
    llm = await LlmFixtureServer.start();
    app = await startTestApp({
      LLM_BASE_URL: llm.url,
      LLM_MODEL: 'fixture-model',
      SEARCH_PROVIDER: 'local',
      LOCAL_INDEX_DIR: 'docs',
    });
    await app.listen(0, '127.0.0.1');
    client = new OpenAI({ baseURL: `${await app.getUrl()}/v1`, apiKey: TEST_KEY, maxRetries: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await llm?.close();
  });
  beforeEach(() => llm.reset());

  const ask = 'How does Answergate cache search results?';

  it('answers with citations, search results and usage', async () => {
    const completion = await client.chat.completions.create({
      model: 'sonar',
      messages: [{ role: 'user', content: ask }],
    });
    const body = completion as typeof completion & { citations: string[]; search_results: any[] };
    expect(completion.object).toBe('chat.completion');
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.model).toBe('sonar');
    expect(completion.choices[0].finish_reason).toBe('stop');
    expect(completion.choices[0].message.content).toMatch(/\[1\]/);
    expect(body.citations.length).toBeGreaterThan(0);
    const [first] = body.search_results;
    expect(Object.keys(first).sort()).toEqual(['date', 'last_updated', 'snippet', 'title', 'url']);
    expect(first.url).toBe(body.citations[0]);
    expect(first.date === null || /^\d{4}-\d{2}-\d{2}$/.test(first.date)).toBe(true);
    expect(completion.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      total_tokens: expect.any(Number),
      num_search_queries: 1,
      search_context_size: 'low',
    });
  });

  it('sends upstream the numbered sources, the conversation and the sampling fields', async () => {
    await client.chat.completions.create({
      model: 'sonar',
      messages: [
        { role: 'system', content: 'Answer like a pirate.' },
        { role: 'user', content: 'What is Answergate?' },
        { role: 'assistant', content: 'An answer engine [1].' },
        { role: 'user', content: ask },
      ],
      temperature: 0.3,
      max_tokens: 200,
      stop: ['END'],
    });
    const answerCall = llm.requests.find((r) =>
      r.body?.messages?.[0]?.content.includes('Sources:'),
    );
    expect(answerCall).toBeDefined();
    const body = answerCall!.body!;
    expect(body.model).toBe('fixture-model');
    expect(body.temperature).toBe(0.3);
    expect(body.max_tokens).toBe(200);
    expect(body.stop).toEqual(['END']);
    const system = body.messages![0].content;
    expect(system).toMatch(/\[1\] .+\nURL: \S+:\/\/\S+\n/);
    expect(system).toContain('Answer like a pirate.');
    expect(body.messages!.slice(1)).toEqual([
      { role: 'user', content: 'What is Answergate?' },
      { role: 'assistant', content: 'An answer engine [1].' },
      { role: 'user', content: ask },
    ]);
    // The follow-up was rephrased with the conversation before searching.
    expect(llm.requests[0].body?.messages?.[1]?.content).toContain('What is Answergate?');
  });

  it('streams: sources chunk first, then content, finish, usage and [DONE]', async () => {
    const stream = await client.chat.completions.create({
      model: 'sonar',
      messages: [{ role: 'user', content: ask }],
      stream: true,
      stream_options: { include_usage: true },
      return_related_questions: true,
    } as OpenAI.ChatCompletionCreateParamsStreaming);
    const chunks: any[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    const first = chunks[0];
    expect(first.choices[0].delta.role).toBe('assistant');
    expect(first.citations.length).toBeGreaterThan(0);
    expect(first.search_results.length).toBe(first.citations.length);
    const firstContent = chunks.findIndex((c) => c.choices[0]?.delta?.content);
    expect(firstContent).toBeGreaterThan(0);
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
    expect(text).toMatch(/\[\d\]/);
    const finish = chunks.find((c) => c.choices[0]?.finish_reason);
    expect(finish.choices[0].finish_reason).toBe('stop');
    expect(Array.isArray(finish.related_questions)).toBe(true);
    const last = chunks.at(-1);
    expect(last.choices).toEqual([]);
    expect(last.usage.total_tokens).toBeGreaterThan(0);
  });

  it('aborts the upstream request when the client cancels its stream', async () => {
    llm.chunkDelayMs = 100;
    const stream = await client.chat.completions.create({
      model: 'sonar',
      messages: [{ role: 'user', content: ask }],
      stream: true,
    });
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta?.content) break; // leaving the loop cancels the stream
    }
    const answerCall = llm.requests.find((r) => r.body?.stream === true);
    expect(await answerCall!.outcome).toBe('aborted');
  });

  it('applies the search filters to the sources', async () => {
    const completion = await client.chat.completions.create({
      model: 'sonar',
      messages: [{ role: 'user', content: ask }],
      search_domain_filter: ['-docs'],
    } as OpenAI.ChatCompletionCreateParamsNonStreaming);
    const { citations } = completion as unknown as { citations: string[] };
    expect(citations).toEqual([]);
  });

  it('runs several searches for pro search', async () => {
    const completion = await client.chat.completions.create({
      model: 'sonar-pro',
      messages: [{ role: 'user', content: ask }],
    });
    expect(completion.usage).toMatchObject({ num_search_queries: 3 });
  });

  it('falls back to one search when planning fails', async () => {
    // Three failures: the first attempt and both retries of the planning call.
    const down = { type: 'fail', status: 500, message: 'planner down' } as const;
    llm.plan(down, down, down);
    const completion = await client.chat.completions.create({
      model: 'sonar',
      messages: [{ role: 'user', content: ask }],
      pro_search: true,
    } as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(completion.usage).toMatchObject({ num_search_queries: 1 });
    expect(completion.choices[0].message.content).toMatch(/\[1\]/);
  });

  it('surfaces an upstream failure as 502 upstream_error', async () => {
    llm.plan(
      { type: 'fail', status: 500, message: 'model exploded' },
      { type: 'fail', status: 500, message: 'model exploded' },
      { type: 'fail', status: 500, message: 'model exploded' },
    );
    const error = await client.chat.completions
      .create({ model: 'sonar', messages: [{ role: 'user', content: ask }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect((error as InstanceType<typeof OpenAI.APIError>).code).toBe('upstream_error');
  });

  describe('errors through the SDK', () => {
    it('raises AuthenticationError on a wrong key', async () => {
      const wrong = new OpenAI({ baseURL: client.baseURL, apiKey: 'wrong', maxRetries: 0 });
      await expect(
        wrong.chat.completions.create({
          model: 'sonar',
          messages: [{ role: 'user', content: 'hi' }],
        }),
      ).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    });

    it('raises NotFoundError with model_not_found for an unknown model', async () => {
      const error = await client.chat.completions
        .create({ model: 'gpt-9', messages: [{ role: 'user', content: 'hi' }] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect((error as InstanceType<typeof OpenAI.NotFoundError>).code).toBe('model_not_found');
    });

    it.each([
      [{ messages: [] }, 'messages'],
      [{ messages: [{ role: 'robot', content: 'hi' }] }, 'messages[0].role'],
      [
        {
          messages: [
            { role: 'user', content: 'hi' },
            { role: 'assistant', content: 'yo' },
          ],
        },
        'messages[1].role',
      ],
      [{ messages: [{ role: 'user', content: 'hi' }], n: 2 }, 'n'],
      [{ messages: [{ role: 'user', content: 'hi' }], max_results: 50 }, 'max_results'],
      [
        { messages: [{ role: 'user', content: 'hi' }], search_after_date_filter: '2025-01-01' },
        'search_after_date_filter',
      ],
      [
        { messages: [{ role: 'user', content: 'hi' }], search_recency_filter: 'decade' },
        'search_recency_filter',
      ],
      [
        { messages: [{ role: 'user', content: [{ type: 'image_url' }] }] },
        'messages[0].content[0]',
      ],
      [
        { messages: [{ role: 'user', content: 'hi' }], search_domain_filter: ['not a domain!'] },
        'search_domain_filter',
      ],
      [
        {
          messages: [{ role: 'user', content: 'hi' }],
          search_after_date_filter: '03/01/2025',
          search_before_date_filter: '01/01/2025',
        },
        'search_before_date_filter',
      ],
    ])('raises BadRequestError naming the field (%j)', async (body, param) => {
      const error = await client.chat.completions
        .create({ model: 'sonar', ...(body as any) })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe(param);
    });
  });
});

describe('the default start: embedded search and extractive answers', () => {
  let app: NestExpressApplication;
  let client: OpenAI;

  beforeAll(async () => {
    app = await startTestApp({ LOCAL_INDEX_DIR: 'docs' });
    await app.listen(0, '127.0.0.1');
    client = new OpenAI({ baseURL: `${await app.getUrl()}/v1`, apiKey: TEST_KEY, maxRetries: 0 });
  });
  afterAll(() => app?.close());

  it('answers a question about its own documents with citations', async () => {
    const completion = await client.chat.completions.create({
      model: 'default',
      messages: [{ role: 'user', content: 'Which environment variable sets the API keys?' }],
    });
    const content = completion.choices[0].message.content ?? '';
    expect(content).toMatch(/API_KEYS/);
    expect(content).toMatch(/\[\d\]/);
    const citations = (completion as unknown as { citations: string[] }).citations;
    const cited = Number(/\[(\d)\]/.exec(content)![1]);
    expect(citations[cited - 1]).toBeDefined();
  });

  it('streams the same answer, with the same citations, as it answers unstreamed', async () => {
    const messages = [
      { role: 'user' as const, content: 'Which environment variable sets the API keys?' },
    ];
    const whole = await client.chat.completions.create({ model: 'default', messages });
    const stream = await client.chat.completions.create({
      model: 'default',
      messages,
      stream: true,
    });
    let text = '';
    let citations: unknown;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      citations ??= (chunk as unknown as { citations?: string[] }).citations;
    }
    expect(text).toMatch(/API_KEYS/);
    expect(text).toBe(whole.choices[0].message.content);
    expect(citations).toEqual((whole as unknown as { citations: string[] }).citations);
  });
});
