import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import OpenAI from 'openai';
import type { FixtureReasoning } from './fixtures/llm-fixture-shapes';
import { type LlmFixtureServer } from './fixtures/llm-server';
import { startFixtureLlmApp } from './support/fixture-llm-app';
import { startTestApp, TEST_KEY } from './support/test-app';

type SonarBody = OpenAI.ChatCompletionCreateParams & Record<string, unknown>;
interface SonarUsage extends OpenAI.CompletionUsage {
  reasoning_tokens: number;
  num_search_queries: number;
}

const QUESTION = 'How does Answergate cache search results?';
const REASONING = 'The sources [1] say the cache is kept in Redis.';

/** The reasoning models through the openai SDK, over the fixture LLM and the local index. */
describe('sonar-reasoning and sonar-reasoning-pro', () => {
  let llm: LlmFixtureServer;
  let app: NestExpressApplication;
  let client: OpenAI;

  beforeAll(async () => {
    ({ llm, app, client } = await startFixtureLlmApp({ LLM_REASONING_MODEL: 'fixture-reasoner' }));
  });
  afterAll(async () => {
    await app?.close();
    await llm?.close();
  });
  beforeEach(() => llm.reset());

  const complete = async (body: Partial<SonarBody>) =>
    client.chat.completions.create({
      model: 'sonar-reasoning',
      messages: [{ role: 'user', content: QUESTION }],
      ...body,
      stream: false,
    } as OpenAI.ChatCompletionCreateParamsNonStreaming);
  const streamed = async (body: Partial<SonarBody>) => {
    const stream = await client.chat.completions.create({
      model: 'sonar-reasoning',
      messages: [{ role: 'user', content: QUESTION }],
      ...body,
      stream: true,
      stream_options: { include_usage: true },
    } as OpenAI.ChatCompletionCreateParamsStreaming);
    let content = '';
    let usage: SonarUsage | undefined;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta?.content ?? '';
      usage = (chunk.usage as SonarUsage | undefined) ?? usage;
    }
    return { content, usage: usage! };
  };
  const answerCall = () =>
    llm.requests.find((r) => r.body?.messages?.[0]?.content.includes('Sources:'));

  const forms: FixtureReasoning['form'][] = ['reasoning_content', 'reasoning', 'think'];

  it.each(forms)(
    'puts upstream reasoning sent as %s in a leading <think> block, streamed and not',
    async (form) => {
      const reasoning = { text: REASONING, form };
      llm.plan({ type: 'answer', reasoning });
      const whole = await complete({});
      const content = whole.choices[0].message.content ?? '';
      expect(content).toMatch(
        /^<think>\nThe sources \[1\] say the cache is kept in Redis\.\n<\/think>\n\nThe fixture read source 1/,
      );
      expect((whole.usage as SonarUsage).reasoning_tokens).toBe(Math.ceil(REASONING.length / 4));

      llm.plan({ type: 'answer', reasoning });
      const stream = await streamed({});
      expect(stream.content).toBe(content);
      expect(stream.usage.reasoning_tokens).toBe(Math.ceil(REASONING.length / 4));
    },
  );

  it('sends the reasoning models to LLM_REASONING_MODEL and the others to LLM_MODEL', async () => {
    await complete({});
    expect(answerCall()?.body?.model).toBe('fixture-reasoner');
    llm.reset();
    await complete({ model: 'sonar' });
    expect(answerCall()?.body?.model).toBe('fixture-model');
  });

  it('drops upstream reasoning from a non-reasoning model and writes an empty block when none came', async () => {
    llm.plan({ type: 'answer', reasoning: { text: REASONING, form: 'think' } });
    const plain = await complete({ model: 'sonar' });
    expect(plain.choices[0].message.content).toMatch(/^The fixture read source 1/);
    expect((plain.usage as SonarUsage).reasoning_tokens).toBe(Math.ceil(REASONING.length / 4));

    const noReasoning = await complete({});
    expect(noReasoning.choices[0].message.content).toMatch(/^<think>\n<\/think>\n\nThe fixture/);
    expect((noReasoning.usage as SonarUsage).reasoning_tokens).toBe(0);
  });

  it.each([
    ['low', 2],
    ['medium', 3],
    ['high', 5],
  ] as const)(
    'passes reasoning_effort %s upstream and plans %i sub-queries for sonar-reasoning-pro',
    async (effort, count) => {
      const completion = await complete({ model: 'sonar-reasoning-pro', reasoning_effort: effort });
      expect((completion.usage as SonarUsage).num_search_queries).toBe(count);
      expect(llm.requests[0].body?.messages?.[0].content).toContain(`exactly ${count}`);
      expect(answerCall()?.body?.reasoning_effort).toBe(effort);
    },
  );
});

describe('sonar-reasoning with the extractive answerer (default start)', () => {
  let app: NestExpressApplication;
  let client: OpenAI;

  beforeAll(async () => {
    app = await startTestApp({ LOCAL_INDEX_DIR: 'docs' });
    await app.listen(0, '127.0.0.1');
    client = new OpenAI({ baseURL: `${await app.getUrl()}/v1`, apiKey: TEST_KEY, maxRetries: 0 });
  });
  afterAll(() => app.close());

  it('says in the <think> block, labelled as not model reasoning, what it searched and quoted', async () => {
    const completion = await client.chat.completions.create({
      model: 'sonar-reasoning',
      messages: [{ role: 'user', content: 'Which environment variable sets the API keys?' }],
    });
    const content = completion.choices[0].message.content ?? '';
    const [, think, answer] = /^<think>\n([\s\S]*)\n<\/think>\n\n([\s\S]+)$/.exec(content) ?? [];
    expect(think).toMatch(/^Not model reasoning: /);
    expect(think).toContain('Searches run:\n- Which environment variable sets the API keys?');
    const citations = (completion as unknown as { citations: string[] }).citations;
    const cited = Number(/\[(\d+)\]/.exec(answer)![1]);
    expect(think).toContain(`Sources quoted in the answer:\n- [${cited}] `);
    expect(think).toContain(`(${citations[cited - 1]})`);
    expect((completion.usage as SonarUsage).reasoning_tokens).toBeGreaterThan(0);
  });
});
