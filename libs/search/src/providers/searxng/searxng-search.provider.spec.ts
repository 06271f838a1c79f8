import { describe, expect, it } from '@jest/globals';
import type { SearxngClient } from './searxng-client';
import type { SearxngResponse } from './searxng-response';
import { SearxngSearchProvider } from './searxng-search.provider';

/** A searx that holds `totals[q]` results for query `q`, `pageSize` a page, and logs each call. */
function fakeSearx(totals: Record<string, number>, pageSize: number) {
  const calls: Array<{ q: string; pageno: number; startedWhileBusy: number }> = [];
  let inFlight = 0;
  const client = {
    origin: 'http://searx.test',
    async search(params: Record<string, string | number>): Promise<SearxngResponse> {
      const pageno = Number(params.pageno);
      const q = String(params.q);
      const total = totals[q] ?? 0;
      calls.push({ q, pageno, startedWhileBusy: inFlight });
      inFlight += 1;
      await new Promise(setImmediate); // in flight until the next turn of the event loop
      inFlight -= 1;
      const first = (pageno - 1) * pageSize;
      const count = Math.max(0, Math.min(pageSize, total - first));
      const results = Array.from({ length: count }, (_, i) => ({
        url: `https://example.com/${first + i}`,
        title: `Result ${first + i}`,
        content: 'text',
      }));
      return { results };
    },
  };
  return { client: client as unknown as SearxngClient, calls };
}

const ask = (provider: SearxngSearchProvider, query: string, limit: number) =>
  provider.search({ query, limit, filters: {} });

describe('SearxngSearchProvider paging', () => {
  it('stops after a page shorter than a full one, once the page size is known', async () => {
    const searx = fakeSearx({ broad: 100, narrow: 4 }, 10);
    const provider = new SearxngSearchProvider(searx.client);
    await ask(provider, 'broad', 10); // a full page of 10: the size is learned
    searx.calls.length = 0;
    const results = await ask(provider, 'narrow', 10);
    expect(results).toHaveLength(4);
    // Page 1 had 4 of a full 10: searx has no more, so page 2 is not asked for.
    expect(searx.calls.map((c) => c.pageno)).toEqual([1]);
  });

  it('after a full page 1, fetches the pages still needed concurrently', async () => {
    const searx = fakeSearx({ broad: 100 }, 5);
    const provider = new SearxngSearchProvider(searx.client);
    await ask(provider, 'broad', 5); // one full page of 5: the size is learned
    searx.calls.length = 0;
    const results = await ask(provider, 'broad', 20);
    expect(results).toHaveLength(20);
    expect(searx.calls.map((c) => c.pageno)).toEqual([1, 2, 3, 4]);
    // Page 1 alone (it is full), then the three still needed in flight together.
    expect(searx.calls.map((c) => c.startedWhileBusy)).toEqual([0, 0, 1, 2]);
  });

  it('pages on one page at a time while the page size is unknown, until an empty page', async () => {
    const searx = fakeSearx({ few: 7 }, 5);
    const provider = new SearxngSearchProvider(searx.client);
    const results = await ask(provider, 'few', 10);
    expect(results.map((r) => r.url)).toEqual(
      Array.from({ length: 7 }, (_, i) => `https://example.com/${i}`),
    );
    // Page 1 (5) taught the size; page 2 (2 < 5) was short, so page 3 was never asked for.
    expect(searx.calls.map((c) => c.pageno)).toEqual([1, 2]);
    expect(searx.calls.every((c) => c.startedWhileBusy === 0)).toBe(true);
  });
});
