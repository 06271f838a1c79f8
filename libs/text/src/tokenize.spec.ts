import { describe, expect, it } from '@jest/globals';
import { isStopword } from './stopwords';
import { contentTerms, matchTerms, stem, words, wordsAsWritten } from './tokenize';

describe('the shared tokenizer', () => {
  it('splits on spaces, punctuation and symbols and lower-cases', () => {
    expect(words('Redis-backed cache: 3.5x faster, (C++)!')).toEqual([
      'redis',
      'backed',
      'cache',
      '3',
      '5x',
      'faster',
      'c',
    ]);
  });

  it('keeps letters with combining marks and non-Latin scripts whole', () => {
    expect(words('Zwischenspeicher für Suchergebnisse; 東京')).toEqual([
      'zwischenspeicher',
      'für',
      'suchergebnisse',
      '東京',
    ]);
  });

  it('keeps case in wordsAsWritten', () => {
    expect(wordsAsWritten("Marie Curie's 1903 prize")).toEqual([
      'Marie',
      'Curie',
      's',
      '1903',
      'prize',
    ]);
  });

  it('drops stop words and single characters from content terms, keeping repeats', () => {
    expect(contentTerms('What is the cache of the cache in a replica?')).toEqual([
      'cache',
      'cache',
      'replica',
    ]);
    expect(isStopword('the')).toBe(true);
    expect(isStopword('x')).toBe(true);
    expect(isStopword('redis')).toBe(false);
  });

  it('stems plural and verb suffixes only', () => {
    expect(stem('models')).toBe('model');
    expect(stem('queries')).toBe('query');
    expect(stem('routing')).toBe('rout');
    expect(stem('routed')).toBe('rout');
    expect(stem('class')).toBe('class');
    expect(stem('ring')).toBe('ring');
    expect(matchTerms('Routing the models')).toEqual(['rout', 'model']);
  });
});
