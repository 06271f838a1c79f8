import { describe, expect, it } from '@jest/globals';
import { evidenceOf } from './citation-support';
import { EvidenceCache } from './evidence-cache';

const A = 'The lighthouse on the cape was built in 1871 from local granite.';
const B = 'Its lamp is visible from 24 nautical miles away.';
const C = 'The keeper lived in the cottage beside the tower.';

describe('EvidenceCache', () => {
  it('builds the evidence of a text once and gives every caller the same object', () => {
    const cache = new EvidenceCache();
    const first = cache.of(A);
    expect(first).toEqual(evidenceOf(A));
    expect(cache.of(A)).toBe(first);
    expect(cache.size).toBe(1);
  });

  it('forgets the least recently used text beyond its capacity', () => {
    const cache = new EvidenceCache(2);
    const a = cache.of(A);
    const b = cache.of(B);
    cache.of(A); // A is now the most recently used
    cache.of(C);
    expect(cache.size).toBe(2);
    expect(cache.of(A)).toBe(a);
    expect(cache.of(B)).not.toBe(b); // B was dropped and is built again
  });
});
