import { describe, expect, it } from '@jest/globals';
import { parsePlan } from './pro-search-planner.service';
import { cleanQuery } from './query-rephraser.service';

describe('parsePlan', () => {
  it('reads a JSON array, even wrapped in prose', () => {
    expect(parsePlan('Here you go: ["a b", "c d"]')).toEqual(['a b', 'c d']);
  });

  it('reads numbered or bulleted lines when there is no JSON', () => {
    expect(parsePlan('1. redis cache\n2) cache ttl\n- "replicas"')).toEqual([
      'redis cache',
      'cache ttl',
      'replicas',
    ]);
  });

  it('deduplicates and keeps at most four', () => {
    expect(parsePlan('["a1","a1","b2","c3","d4","e5"]')).toEqual(['a1', 'b2', 'c3', 'd4']);
  });

  it('returns nothing for an empty plan', () => {
    expect(parsePlan('')).toEqual([]);
  });
});

describe('cleanQuery', () => {
  it('keeps the first line without quotes or a label', () => {
    expect(cleanQuery('Query: "redis cache ttl"\nbecause...')).toBe('redis cache ttl');
  });
});
