import { describe, expect, it } from '@jest/globals';
import { ChunkJson, joinJsonObjects } from './chunk-json';

const header = {
  id: 'chatcmpl-0123',
  object: 'chat.completion.chunk' as const,
  created: 1_700_000_000,
  model: 'sonar "pro"',
};
const choice = (delta: object, finishReason: string | null = null) => [
  { index: 0, delta, logprobs: null, finish_reason: finishReason },
];

describe('ChunkJson', () => {
  const json = new ChunkJson(header);

  it('writes a content chunk as JSON.stringify writes the chunk object, whatever the text', () => {
    const texts = [
      '',
      'word ',
      'say "hi"\n\t\\',
      '</script> [1]',
      'é 中文 🎉',
      '\u0000\u001f',
      '\ud800',
    ];
    for (const content of texts) {
      expect(json.content(content)).toBe(
        JSON.stringify({ ...header, choices: choice({ content }) }),
      );
    }
  });

  it('writes a chunk with extra fields after its choices, as the spread object serializes', () => {
    const search = { citations: ['https://a.example/'], search_results: [{ title: 'A' }] };
    const rest = { related_questions: undefined, images: [], usage: { prompt_tokens: 3 } };
    expect(json.chunk({}, 'stop', JSON.stringify(search), JSON.stringify(rest))).toBe(
      JSON.stringify({ ...header, choices: choice({}, 'stop'), ...search, ...rest }),
    );
    expect(json.chunk({ role: 'assistant', content: '' }, null, '{}')).toBe(
      JSON.stringify({ ...header, choices: choice({ role: 'assistant', content: '' }) }),
    );
  });

  it('writes the usage chunk with no choices', () => {
    const usage = { prompt_tokens: 1, completion_tokens: 2 } as never;
    expect(json.usage(usage)).toBe(JSON.stringify({ ...header, choices: [], usage }));
  });
});

describe('joinJsonObjects', () => {
  it('joins objects in order and skips empty ones', () => {
    expect(joinJsonObjects('{"a":1}', '{}', '{"b":{"c":[]},"d":"}"}')).toBe(
      '{"a":1,"b":{"c":[]},"d":"}"}',
    );
    expect(joinJsonObjects('{}', '{}')).toBe('{}');
    expect(joinJsonObjects()).toBe('{}');
  });
});
