import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import OpenAI from 'openai';
import request from 'supertest';
import { bearer, startTestApp, TEST_KEY } from './support/test-app';

/**
 * Pages that spell tokenizer control tokens (`<|endoftext|>`, or `&lt;|im_start|&gt;` in HTML,
 * which entity decoding turns into the same text) are ordinary text to search and answer.
 */
describe('documents spelling special tokens, on /v1/search and /v1/chat/completions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'answergate-special-'));
  let app: NestExpressApplication;

  beforeAll(async () => {
    writeFileSync(
      join(dir, 'tokens.md'),
      '---\ntitle: Tokenizer markers\n---\nA zebracorn prompt ends with <|endoftext|> in raw text.\n',
    );
    writeFileSync(
      join(dir, 'escaped.html'),
      '<html><head><title>Escaped markers</title></head><body><p>The zebracorn chat format ' +
        'opens each turn with &lt;|im_start|&gt; and closes it with &lt;|endoftext|&gt;.</p></body></html>',
    );
    app = await startTestApp({ LOCAL_INDEX_DIR: dir });
    await app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds them on /v1/search, with and without max_tokens_per_page', async () => {
    for (const body of [{ query: 'zebracorn' }, { query: 'zebracorn', max_tokens_per_page: 8 }]) {
      const res = await request(app.getHttpServer())
        .post('/v1/search')
        .set(bearer())
        .send(body)
        .expect(200);
      expect(res.body.results.map((r: { title: string }) => r.title).sort()).toEqual([
        'Escaped markers',
        'Tokenizer markers',
      ]);
    }
    const full = await request(app.getHttpServer())
      .post('/v1/search')
      .set(bearer())
      .send({ query: 'zebracorn' })
      .expect(200);
    const snippets = full.body.results.map((r: { snippet: string }) => r.snippet).join('\n');
    expect(snippets).toContain('<|endoftext|>');
    expect(snippets).toContain('<|im_start|>');
  });

  it('answers from them on /v1/chat/completions with the openai SDK, plain and streamed', async () => {
    const client = new OpenAI({
      baseURL: `${await app.getUrl()}/v1`,
      apiKey: TEST_KEY,
      maxRetries: 0,
    });
    const messages = [{ role: 'user' as const, content: 'What does a zebracorn prompt end with?' }];
    const completion = await client.chat.completions.create({ model: 'sonar', messages });
    const citations = (completion as unknown as { citations: string[] }).citations;
    expect(citations.some((url) => url.endsWith('/tokens.md'))).toBe(true);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    const stream = await client.chat.completions.create({ model: 'sonar', messages, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe(completion.choices[0].message.content);
  });
});
