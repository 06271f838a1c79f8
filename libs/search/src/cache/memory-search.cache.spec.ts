import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { MemorySearchCache } from './memory-search.cache';

describe('MemorySearchCache', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('returns what was stored until the TTL runs out', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    // Fake time moves both this clock and the cache's own timers (it caches `now` for 1 ms).
    const cache = new MemorySearchCache(40_000, undefined, { now: () => Date.now() });
    await cache.set('k', [{ url: 'https://a.com' }]);
    jest.advanceTimersByTime(39_000);
    expect(await cache.get('k')).toEqual([{ url: 'https://a.com' }]);
    jest.advanceTimersByTime(2_000);
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
