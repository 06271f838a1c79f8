import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type LlmFixtureServer } from './fixtures/llm-server';
import { startFixtureLlmApp } from './support/fixture-llm-app';
import { TEST_KEY } from './support/test-app';

/** Fields strict and citation-reading clients need: annotations, logprobs, refusal, stream usage. */
describe('chat completion wire fields for OpenAI and Perplexity clients', () => {
  let llm: LlmFixtureServer;
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    ({ llm, app } = await startFixtureLlmApp());
    url = await app.getUrl();
  });
  afterAll(async () => {
    await app.close();
    await llm.close();
  });
  beforeEach(() => {
    llm.reset();
    llm.respond = () => 'Results are cached [1], in Redis when set [2]. See [1] and [99].';
  });

  const post = (body: object) =>
    fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        model: 'sonar',
        messages: [{ role: 'user', content: 'How does Answergate cache search results?' }],
        ...body,
      }),
    });
  const events = async (res: Response): Promise<any[]> =>
    (await res.text())
      .split('\n\n')
      .filter((e) => e.startsWith('data: {'))
      .map((e) => JSON.parse(e.slice(6)));

  it('annotates each [n] naming a source as a url_citation at its offsets, with null logprobs and refusal', async () => {
    const body: any = await (await post({})).json();
    const [choice] = body.choices;
    expect(choice.logprobs).toBeNull();
    expect(choice.message.refusal).toBeNull();
    const { content, annotations } = choice.message;
    expect(annotations).toHaveLength(3);
    for (const { type, url_citation: c } of annotations) {
      expect(type).toBe('url_citation');
      const marker = content.slice(c.start_index, c.end_index);
      expect(marker).toMatch(/^\[\d\]$/);
      expect(c.url).toBe(body.citations[Number(marker.slice(1, -1)) - 1]);
      expect(c.title).toBe(body.search_results[Number(marker.slice(1, -1)) - 1].title);
    }
  });

  it('streams usage on the finish chunk without include_usage, and the search fields on the first content and finish chunks', async () => {
    const chunks = await events(await post({ stream: true }));
    const role = chunks[0];
    const firstContent = chunks.find((c) => c.choices[0]?.delta.content);
    const finish = chunks.find((c) => c.choices[0]?.finish_reason);
    expect(chunks.filter((c) => c.choices.length === 0)).toHaveLength(0);
    for (const chunk of [role, firstContent, finish]) {
      expect(chunk.citations.length).toBeGreaterThan(1);
      expect(chunk.search_results).toHaveLength(chunk.citations.length);
    }
    expect(finish.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      total_tokens: expect.any(Number),
    });
    expect(chunks.every((c) => c.choices.every((choice: any) => choice.logprobs === null))).toBe(
      true,
    );
  });

  it('streams annotations on the deltas that complete markers, offset in the whole content', async () => {
    const chunks = await events(
      await post({ stream: true, stream_options: { include_usage: true } }),
    );
    const content = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    const annotations = chunks.flatMap((c) => c.choices[0]?.delta.annotations ?? []);
    expect(annotations).toHaveLength(3);
    for (const { url_citation: c } of annotations) {
      expect(content.slice(c.start_index, c.end_index)).toMatch(/^\[\d\]$/);
    }
    const usageOnly = chunks.at(-1);
    expect(usageOnly.choices).toEqual([]);
    expect(usageOnly.usage.total_tokens).toBeGreaterThan(0);
  });
});
