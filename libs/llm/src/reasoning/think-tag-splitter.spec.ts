import { describe, expect, it } from '@jest/globals';
import { splitThinkTags, ThinkTagSplitter } from './think-tag-splitter';

function feed(deltas: string[]) {
  const splitter = new ThinkTagSplitter();
  const parts = [...deltas.map((delta) => splitter.push(delta)), splitter.end()];
  return {
    reasoning: parts.map((p) => p.reasoning).join(''),
    content: parts.map((p) => p.content).join(''),
  };
}

describe('ThinkTagSplitter', () => {
  it('separates a leading <think> block from the answer', () => {
    expect(splitThinkTags('<think>Check [1].</think>\n\nThe answer [1].')).toEqual({
      reasoning: 'Check [1].',
      content: 'The answer [1].',
    });
  });

  it('finds tags cut anywhere across deltas', () => {
    const text = '  <think>weigh the sources</think>Answer.';
    for (let cut = 1; cut < text.length; cut += 1) {
      for (let second = cut + 1; second < text.length; second += 1) {
        const result = feed([text.slice(0, cut), text.slice(cut, second), text.slice(second)]);
        expect(result).toEqual({ reasoning: 'weigh the sources', content: 'Answer.' });
      }
    }
  });

  it('leaves text without a leading <think> alone, including a later <think>', () => {
    expect(feed(['No reasoning ', 'here <think>x</think>'])).toEqual({
      reasoning: '',
      content: 'No reasoning here <think>x</think>',
    });
    expect(feed(['<thin', 'g>'])).toEqual({ reasoning: '', content: '<thing>' });
  });

  it('keeps an unterminated block as reasoning', () => {
    expect(feed(['<think>still thinking</th'])).toEqual({
      reasoning: 'still thinking</th',
      content: '',
    });
  });
});
