import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { MemorySearchCache } from './memory-search.cache';

describe('MemorySearchCache', () => {
  it('returns what was stored until the TTL runs out', async () => {
    const cache = new MemorySearchCache(40);
    await cache.set('k', [{ url: 'https://a.com' }]);
    expect(await cache.get('k')).toEqual([{ url: 'https://a.com' }]);
    await sleep(60);
    expect(await cache.get('k')).toBeUndefined();
  });

  it('stays within its memory bound by evicting the least recently used', async () => {
    const cache = new MemorySearchCache(60_000, 1500);
    const value = 'x'.repeat(300);
    await cache.set('a', value);
    await cache.set('b', value);
    await cache.get('a');
    await cache.set('c', value);
    expect(await cache.get('a')).toBe(value);
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('c')).toBe(value);
  });
});
