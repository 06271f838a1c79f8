import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Ajv2019, { type ErrorObject } from 'ajv/dist/2019';
import { type LlmFixtureServer } from './fixtures/llm-server';
import { startFixtureLlmApp } from './support/fixture-llm-app';
import { TEST_KEY } from './support/test-app';

/** OpenAI's component schemas (see fixtures/openai-schema/README.md), nullable already turned into JSON Schema. */
const SCHEMAS = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'openai-schema', 'schemas.json'), 'utf8'),
) as Record<string, unknown>;
const ajv = new Ajv2019({ strict: false, allErrors: true });
/** The three formats the schemas use: absolute URLs, Unix seconds, and any number. */
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('unixtime', {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && n > 0,
});
ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) });
ajv.addSchema(SCHEMAS, 'openai');

/** The schema's errors for `value`, as readable lines; empty when it conforms. */
function violations(schema: string, value: unknown): string[] {
  const validate = ajv.getSchema(`openai#/definitions/${schema}`);
  if (!validate) throw new Error(`no schema ${schema}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message}`);
}

/** Every chat response, stream chunk and Responses object conforms to OpenAI's published schema. */
describe("responses and stream chunks against OpenAI's OpenAPI schema", () => {
  let llm: LlmFixtureServer;
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    ({ llm, app } = await startFixtureLlmApp());
    url = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    await llm?.close();
  });
  beforeEach(() => {
    llm.reset();
    llm.respond = () => 'Results are cached [1], in Redis when REDIS_URL is set [2].';
  });

  const post = (path: string, body: object) =>
    fetch(`${url}/v1/${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'sonar', ...body }),
    });
  const question = { messages: [{ role: 'user', content: 'How does Answergate cache results?' }] };
  const events = async (res: Response): Promise<any[]> =>
    (await res.text())
      .split('\n\n')
      .map((e) => /^data: (\{.*)$/m.exec(e)?.[1])
      .filter((data): data is string => data !== undefined)
      .map((data) => JSON.parse(data));

  it('a chat completion conforms to CreateChatCompletionResponse', async () => {
    const res = await post('chat/completions', question);
    expect(res.status).toBe(200);
    const body: any = await res.json();
    expect(body.choices[0].message.annotations.length).toBeGreaterThan(0);
    expect(violations('CreateChatCompletionResponse', body)).toEqual([]);
  });

  it('every chat.completion.chunk, the include_usage chunk too, conforms to CreateChatCompletionStreamResponse', async () => {
    const res = await post('chat/completions', {
      ...question,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = await events(res);
    expect(chunks.some((c) => c.choices[0]?.delta.content)).toBe(true);
    expect(chunks.some((c) => c.choices.length === 0 && c.usage)).toBe(true);
    const bad = chunks
      .map((chunk, i) => ({ i, errors: violations('CreateChatCompletionStreamResponse', chunk) }))
      .filter(({ errors }) => errors.length > 0);
    expect(bad).toEqual([]);
  });

  it('a Responses API response, plain and in the response.completed event, conforms to Response', async () => {
    const input = 'How does Answergate cache results?';
    const plain: any = await (await post('responses', { input })).json();
    expect(plain.output.map((item: any) => item.type)).toEqual(['web_search_call', 'message']);
    expect(violations('Response', plain)).toEqual([]);
    const streamed = await events(await post('responses', { input, stream: true }));
    const completed = streamed.find((e) => e.type === 'response.completed');
    expect(completed.response.status).toBe('completed');
    expect(violations('Response', completed.response)).toEqual([]);
  });
});
