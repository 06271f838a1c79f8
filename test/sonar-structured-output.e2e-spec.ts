import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { type LlmFixtureServer } from './fixtures/llm-server';
import { startFixtureLlmApp } from './support/fixture-llm-app';
import { startTestApp, TEST_KEY } from './support/test-app';

type SonarBody = OpenAI.ChatCompletionCreateParamsNonStreaming & Record<string, unknown>;
type ApiError = InstanceType<typeof OpenAI.APIError>;
interface WithSources {
  citations: string[];
  search_results: { url: string }[];
}

const QUESTION = 'How does Answergate cache search results?';
const Answer = z.object({ answer: z.string() });

/** response_format through the openai SDK, over the fixture LLM and the local index. */
describe('structured output (response_format)', () => {
  let llm: LlmFixtureServer;
  let app: NestExpressApplication;
  let client: OpenAI;

  beforeAll(async () => {
    ({ llm, app, client } = await startFixtureLlmApp());
  });
  afterAll(async () => {
    await app?.close();
    await llm?.close();
  });
  beforeEach(() => llm.reset());

  const ask = (body: Partial<SonarBody>) =>
    client.chat.completions.create({
      model: 'sonar',
      messages: [{ role: 'user', content: QUESTION }],
      ...body,
    } as SonarBody);
  const answerCalls = () =>
    llm.requests.filter((r) => r.body?.messages?.[0]?.content.includes('Sources:'));

  it('parses a zod schema with chat.completions.parse, with citations, and passes the schema upstream', async () => {
    const completion = await client.chat.completions.parse({
      model: 'sonar',
      messages: [{ role: 'user', content: QUESTION }],
      response_format: zodResponseFormat(Answer, 'cached_answer'),
    });
    const parsed = completion.choices[0].message.parsed;
    expect(parsed?.answer).toMatch(/^The fixture read source 1 for this answer\[1\]/);
    const { citations, search_results } = completion as unknown as WithSources;
    expect(citations.length).toBeGreaterThan(0);
    expect(search_results[0].url).toBe(citations[0]);
    const [call] = answerCalls();
    expect(call.body?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'cached_answer', strict: true, schema: { required: ['answer'] } },
    });
    expect(call.body?.messages?.[0].content).toContain('conforms to this JSON Schema');
  });

  it('asks once more with the validation errors when the answer does not conform', async () => {
    llm.plan({ type: 'answer', text: '{"wrong": 1}' });
    const completion = await client.chat.completions.parse({
      model: 'sonar',
      messages: [{ role: 'user', content: QUESTION }],
      response_format: zodResponseFormat(Answer, 'cached_answer'),
    });
    expect(completion.choices[0].message.parsed?.answer).toContain('[1]');
    const calls = answerCalls();
    expect(calls).toHaveLength(2);
    const retry = calls[1].body!.messages!.slice(-2);
    expect(retry[0]).toEqual({ role: 'assistant', content: '{"wrong": 1}' });
    expect(retry[1].content).toContain("must have required property 'answer'");
  });

  it('fails with 502 invalid_structured_output naming the error when the retry does not conform either', async () => {
    llm.plan({ type: 'answer', text: 'not json' }, { type: 'answer', text: '{"answer": 42}' });
    const error = (await ask({
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'a', schema: Answer.toJSONSchema() },
      },
    }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error.status).toBe(502);
    expect(error.code).toBe('invalid_structured_output');
    expect(error.message).toContain('/answer must be string');
    expect(answerCalls()).toHaveLength(2);
  });

  it('checks json_object answers and keeps a fenced JSON answer without its fence', async () => {
    llm.plan({ type: 'answer', text: '```json\n{"answer": "fenced [1]"}\n```' });
    const fenced = await ask({ response_format: { type: 'json_object' } });
    expect(fenced.choices[0].message.content).toBe('{"answer": "fenced [1]"}');
    expect(answerCalls()[0].body?.response_format).toEqual({ type: 'json_object' });

    llm.plan({ type: 'answer', text: '[1, 2]' }, { type: 'answer', text: 'nope' });
    const error = (await ask({ response_format: { type: 'json_object' } }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.code).toBe('invalid_structured_output');
    expect(error.message).toContain('the answer is not JSON');
  });

  it('passes a regex upstream and checks the whole answer against it with RE2', async () => {
    llm.plan({ type: 'answer', text: 'maybe' }, { type: 'answer', text: 'yes' });
    const completion = await ask({
      response_format: { type: 'regex', regex: { regex: '(yes|no)' } } as never,
    });
    expect(completion.choices[0].message.content).toBe('yes');
    expect(answerCalls()[0].body?.response_format).toEqual({
      type: 'regex',
      regex: { regex: '(yes|no)' },
    });
    expect(answerCalls()[1].body?.messages?.at(-1)?.content).toContain(
      'does not match the regular expression (yes|no)',
    );
  });

  it('checks a backtracking-prone regex in linear time', async () => {
    const evil = 'a'.repeat(5000) + 'b';
    llm.plan({ type: 'answer', text: evil }, { type: 'answer', text: evil });
    const error = (await ask({
      response_format: { type: 'regex', regex: { regex: '(a+)+' } } as never,
    }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('invalid_structured_output');
  });

  it('streams the checked answer after the sources chunk', async () => {
    llm.plan({ type: 'answer', text: '{"oops": true}' });
    const stream = await client.chat.completions.create({
      model: 'sonar',
      messages: [{ role: 'user', content: QUESTION }],
      stream: true,
      response_format: { type: 'json_object' },
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect((chunks[0] as unknown as WithSources).citations.length).toBeGreaterThan(0);
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('');
    expect(JSON.parse(text)).toEqual({ oops: true });
  });

  it.each([
    [
      { type: 'json_schema', json_schema: { name: 'a', schema: { type: 'strnig' } } },
      'response_format.json_schema.schema',
    ],
    [{ type: 'json_schema' }, 'response_format.json_schema'],
    [{ type: 'regex', regex: { regex: '(unclosed' } }, 'response_format.regex.regex'],
    [{ type: 'xml' }, 'response_format.type'],
  ])('answers 400 naming the field for a bad response_format %j', async (format, param) => {
    const error = (await ask({ response_format: format as never }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(error.param).toBe(param);
    expect(llm.requests).toHaveLength(0);
  });
});

describe('response_format with the extractive answerer (default start)', () => {
  let app: NestExpressApplication;
  let client: OpenAI;

  beforeAll(async () => {
    app = await startTestApp({ LOCAL_INDEX_DIR: 'docs' });
    await app.listen(0, '127.0.0.1');
    client = new OpenAI({ baseURL: `${await app.getUrl()}/v1`, apiKey: TEST_KEY, maxRetries: 0 });
  });
  afterAll(() => app.close());

  it('answers 400 naming response_format and saying an LLM is needed, streamed or not', async () => {
    for (const stream of [false, true]) {
      const error = (await client.chat.completions
        .create({
          model: 'sonar',
          messages: [{ role: 'user', content: 'Which environment variable sets the API keys?' }],
          response_format: { type: 'json_object' },
          stream,
        })
        .catch((e: unknown) => e)) as ApiError;
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error.param).toBe('response_format');
      expect(error.message).toMatch(/needs an LLM/);
    }
  });

  it('accepts response_format text', async () => {
    const completion = await client.chat.completions.create({
      model: 'sonar',
      messages: [{ role: 'user', content: 'Which environment variable sets the API keys?' }],
      response_format: { type: 'text' },
    });
    expect(completion.choices[0].message.content).toMatch(/API_KEYS/);
  });
});
