import { describe, expect, it } from '@jest/globals';
import { CitationChecker, MAX_LISTED_UNSUPPORTED, MAX_SENTENCE_CHARS } from './citation-checker';

const SOURCES = [
  'The lighthouse on the cape was built in 1871 by the harbour board from local granite.',
  'Its lamp is visible from 24 nautical miles away on a clear night.',
];
const ANSWER =
  'The lighthouse was built in 1871 from granite [1]. ' +
  'Its lamp is visible 24 nautical miles away [2]. ' +
  'It was designed by Gustave Eiffel in 1850 [1]. ' +
  'It is painted red [7].';

/** Feeds the answer in pieces of `size` characters, as a stream would. */
function run(mode: 'flag' | 'strip', size: number, text = ANSWER) {
  const outcomes: string[] = [];
  const checker = new CitationChecker(SOURCES, mode, (outcome) => outcomes.push(outcome));
  let out = '';
  for (let i = 0; i < text.length; i += size) out += checker.push(text.slice(i, i + size));
  out += checker.end();
  return { out, report: checker.report, outcomes };
}

describe('CitationChecker', () => {
  it('flags an unsupported marker and removes one naming no source', () => {
    const { out, report, outcomes } = run('flag', 1000);
    expect(report).toEqual({
      checked: 4,
      supported: 2,
      unsupported: [
        { sentenceIndex: 2, marker: 1, reason: 'number 1850 is not in the source' },
        { sentenceIndex: 3, marker: 7, reason: 'there is no source [7]' },
      ],
    });
    expect(out).toBe(ANSWER.replace(' [7]', ''));
    expect(outcomes.sort()).toEqual(['out_of_range', 'supported', 'supported', 'unsupported']);
  });

  it('gives the same text and report however the stream is cut', () => {
    const whole = run('flag', 1000);
    for (const size of [1, 2, 3, 7]) {
      const cut = run('flag', size);
      expect(cut.out).toBe(whole.out);
      expect(cut.report).toEqual(whole.report);
    }
    const strip = run('strip', 1000);
    for (const size of [1, 3, 5]) expect(run('strip', size).out).toBe(strip.out);
  });

  it('strips unsupported markers too in strip mode', () => {
    const { out, report } = run('strip', 4);
    expect(out).toBe(ANSWER.replace(' 1850 [1]', ' 1850').replace(' [7]', ''));
    expect(report.unsupported.map((u) => u.marker)).toEqual([1, 7]);
  });

  it('names the missing name, and low word overlap', () => {
    const { report } = run(
      'flag',
      1000,
      'The lighthouse was built by Thomas Stevenson [1]. Dolphins swim near rocky coastal reefs daily [2].',
    );
    expect(report.unsupported).toEqual([
      { sentenceIndex: 0, marker: 1, reason: 'name Thomas is not in the source' },
      { sentenceIndex: 1, marker: 2, reason: 'only 0% of its words are in the source' },
    ]);
  });

  it('keeps the other numbers of a marker group', () => {
    const { out } = run('flag', 1000, 'The lamp is visible 24 nautical miles away [2, 9].');
    expect(out).toBe('The lamp is visible 24 nautical miles away [2].');
  });

  it(`sends an answer with no sentence end in strip mode at most ${MAX_SENTENCE_CHARS} characters behind`, () => {
    const checker = new CitationChecker(SOURCES, 'strip');
    const delta = 'lamp '.repeat(200); // 1,000 characters, no sentence end anywhere
    let received = 0;
    let sent = '';
    for (let i = 0; i < 20; i += 1) {
      received += delta.length;
      sent += checker.push(delta);
      expect(received - sent.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    }
    sent += checker.end();
    expect(sent).toBe(delta.repeat(20));
  });

  it('checks an answer with no sentence end in flag mode while it streams, not only at its end', () => {
    const outcomes: string[] = [];
    const checker = new CitationChecker(SOURCES, 'flag', (outcome) => outcomes.push(outcome));
    const text = `${'lamp '.repeat(600)}visible miles [2] and more [7] ${'lamp '.repeat(600)}`;
    let sent = '';
    for (let i = 0; i < text.length; i += 7) sent += checker.push(text.slice(i, i + 7));
    expect(outcomes.sort()).toEqual(['out_of_range', 'supported']);
    sent += checker.end();
    expect(sent).toBe(text.replace(' [7]', ''));
    expect(checker.report.checked).toBe(2);
  });

  it('checks each sentence as soon as the next one starts, in both modes, however the stream is cut', () => {
    // A long sentence, a short one that ends where a piece ends, then the next sentence starts.
    const long =
      'The lighthouse on the cape was built in 1871 by the harbour board from local granite [1].';
    const text = `${long} Its lamp is visible [2]. It is`;
    const cuts = [[`${long} Its lamp is visible [2].`, ' It is'], text.match(/.{1,4}/gs)!, [text]];
    for (const mode of ['flag', 'strip'] as const) {
      for (const pieces of cuts) {
        const outcomes: string[] = [];
        const checker = new CitationChecker(SOURCES, mode, (outcome) => outcomes.push(outcome));
        for (const piece of pieces) checker.push(piece);
        expect(outcomes).toEqual(['supported', 'supported']);
      }
    }
  });

  it('never cuts a marker group when it cuts a sentence that is too long', () => {
    // The limit falls after the space inside the group.
    const long = `${'lamp '.repeat(398)}lamps [1, 2] lamp ${'lamp '.repeat(200)}`;
    const flagged = run('flag', 3, long);
    expect(flagged.out).toBe(long);
    const stripped = run('strip', 3, long);
    expect(stripped.out).toBe(long.replace('[1, 2]', '[2]'));
    // Both numbers of the group were read, as one group.
    for (const { report } of [flagged, stripped]) {
      expect(report.checked).toBe(2);
      expect(report.unsupported.map((u) => u.marker)).toEqual([1]);
    }
  });

  it(`lists at most ${MAX_LISTED_UNSUPPORTED} unsupported markers, and counts them all`, () => {
    const sentences = MAX_LISTED_UNSUPPORTED + 50;
    const { report } = run('flag', 9, 'It is painted red [7]. '.repeat(sentences));
    expect(report.checked).toBe(sentences);
    expect(report.supported).toBe(0);
    expect(report.unsupported).toHaveLength(MAX_LISTED_UNSUPPORTED);
    expect(report.unsupported.at(-1)?.sentenceIndex).toBe(MAX_LISTED_UNSUPPORTED - 1);
  });
});
