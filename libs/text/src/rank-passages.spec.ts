import { describe, expect, it } from '@jest/globals';
import { Bm25Corpus, bm25Idf } from './bm25';
import { scorePassages } from './rank-passages';

describe('BM25 scoring', () => {
  it('weighs rare terms above common ones', () => {
    expect(bm25Idf(1, 10)).toBeGreaterThan(bm25Idf(9, 10));
    expect(bm25Idf(0, 10)).toBe(0);
  });

  it('scores a document by the query terms it holds, shorter documents higher', () => {
    const corpus = new Bm25Corpus([
      ['cache', 'redis'],
      ['cache', 'redis', 'x', 'y', 'z', 'w'],
      ['other'],
    ]);
    expect(corpus.score(['redis'], 0)).toBeGreaterThan(corpus.score(['redis'], 1));
    expect(corpus.score(['redis'], 2)).toBe(0);
  });

  it('ranks the passage holding the question’s words first, stemmed', () => {
    const scores = scorePassages('Which ports does the reader allow?', [
      'The cache keeps results for five minutes.',
      'The reader allows ports 80 and 443 unless a host is listed.',
      'Nothing about that here.',
    ]);
    expect(scores[1]).toBeGreaterThan(0);
    expect(scores[1]).toBeGreaterThan(scores[0]);
    expect(scores[0]).toBe(0);
    expect(scores[2]).toBe(0);
  });

  it('scores nothing for a question of stop words only', () => {
    expect(scorePassages('what is it?', ['what is it'])).toEqual([0]);
  });
});
