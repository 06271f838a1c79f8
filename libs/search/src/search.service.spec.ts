import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { cutAtTokens, Metrics, parseUsDate, tokenEnds } from '@answergate/common';
import { MemorySearchCache } from './cache/memory-search.cache';
import { NoopSearchCache } from './cache/noop-search.cache';
import type { SearchCache } from './search-cache.interface';
import type { ProviderQuery, SearchProvider } from './search-provider.interface';
import { SearchService } from './search.service';
import { SEARCH_CACHE, SEARCH_PROVIDER } from './search.tokens';
import type { SearchResult } from './search.types';

const hit = (url: string, date: string | null = null): SearchResult => ({
  title: url,
  url,
  snippet: `About ${url}. `.repeat(60),
  date,
  lastUpdated: null,
});

/** A provider that answers from a table and records what it was asked. */
class FakeProvider implements SearchProvider {
  readonly name = 'fake';
  readonly calls: ProviderQuery[] = [];

  constructor(private readonly table: Record<string, SearchResult[]>) {}

  async search(query: ProviderQuery): Promise<SearchResult[]> {
    this.calls.push(query);
    // In flight until the next turn of the event loop: what callers do meanwhile overlaps it.
    await new Promise(setImmediate);
    query.signal?.throwIfAborted();
    return this.table[query.query.toLowerCase()] ?? [];
  }

  images() {
    return Promise.resolve([
      { imageUrl: 'https://cdn.a.com/1.png', originUrl: 'https://a.com/p', title: 'one' },
      { imageUrl: 'https://cdn.a.com/1.png', originUrl: 'https://a.com/q', title: 'dup' },
      { imageUrl: 'https://cdn.b.com/2.png', originUrl: 'https://b.com/p', title: 'two' },
    ]);
  }

  ping() {
    return Promise.resolve();
  }
}

async function setup(
  table: Record<string, SearchResult[]>,
  cache: SearchCache = new MemorySearchCache(60_000),
) {
  const provider = new FakeProvider(table);
  const module = await Test.createTestingModule({
    providers: [
      SearchService,
      Metrics,
      { provide: SEARCH_PROVIDER, useValue: provider },
      { provide: SEARCH_CACHE, useValue: cache },
    ],
  }).compile();
  return { provider, service: module.get(SearchService), metrics: module.get(Metrics) };
}

const request = (queries: string[], extra = {}) => ({
  queries,
  maxResults: 10,
  filters: {},
  ...extra,
});

describe('SearchService', () => {
  it('runs every query, fuses the lists and deduplicates by URL', async () => {
    const { service } = await setup({
      redis: [hit('https://a.com/redis'), hit('https://shared.com/')],
      cache: [hit('https://b.com/cache'), hit('https://www.shared.com')],
    });
    const results = await service.search(request(['redis', 'cache']));
    expect(results.map((r) => r.url)).toEqual([
      'https://shared.com/',
      'https://a.com/redis',
      'https://b.com/cache',
    ]);
  });

  it('enforces domain and date filters on whatever the provider returns', async () => {
    const { service } = await setup({
      q: [
        hit('https://evil.com/x', '2026-01-05'),
        hit('https://docs.good.com/old', '2020-01-01'),
        hit('https://good.com/new', '2026-01-05'),
      ],
    });
    const results = await service.search(
      request(['q'], {
        filters: { domains: ['good.com'], publishedAfter: parseUsDate('01/01/2026') },
      }),
    );
    expect(results.map((r) => r.url)).toEqual(['https://good.com/new']);
  });

  it('enforces a deny filter, with its subdomains, on whatever the provider returns', async () => {
    const { service } = await setup({
      q: [hit('https://evil.com/x'), hit('https://news.evil.com/y'), hit('https://good.com/z')],
    });
    const results = await service.search(request(['q'], { filters: { domains: ['-evil.com'] } }));
    expect(results.map((r) => r.url)).toEqual(['https://good.com/z']);
  });

  it('cuts snippets to max tokens per page and results to max results', async () => {
    const { service } = await setup({
      q: [hit('https://a.com'), hit('https://b.com'), hit('https://c.com')],
    });
    const results = await service.search(request(['q'], { maxResults: 2, maxTokensPerPage: 10 }));
    expect(results).toHaveLength(2);
    expect(results[0].snippet.endsWith('…')).toBe(true);
    expect(results[0].snippet.length).toBeLessThan(60);
  });

  it('cuts cached snippets for any max tokens per page without asking the provider again', async () => {
    const { service, provider } = await setup({ q: [hit('https://a.com'), hit('https://b.com')] });
    const full = await service.search(request(['q']));
    for (const maxTokensPerPage of [1, 2, 7, 50, 100_000]) {
      const cut = await service.search(request(['q'], { maxTokensPerPage }));
      expect(cut.map((r) => r.snippet)).toEqual(
        full.map((r) => cutAtTokens(r.snippet, tokenEnds(r.snippet), maxTokensPerPage)),
      );
    }
    expect(provider.calls).toHaveLength(1);
  });

  it('gives two questions that find the same page one shared result, cut snippet included, while either is held', async () => {
    // Each answer from the backend is a fresh object, as one parsed from a response would be.
    const { service, provider } = await setup({});
    provider.search = (query: ProviderQuery) =>
      Promise.resolve(
        query.query === 'q1'
          ? [hit('https://a.com'), hit('https://b.com')]
          : [hit('https://a.com')],
      );
    const first = await service.search(request(['q1'], { maxTokensPerPage: 7 }));
    const second = await service.search(request(['q2'], { maxTokensPerPage: 7 }));
    expect(second[0]).toBe(first[0]);
    expect(second[0].snippet).toBe(
      cutAtTokens(hit('https://a.com').snippet, tokenEnds(hit('https://a.com').snippet), 7),
    );
  });

  it('keeps results apart that share a snippet but differ in another field', async () => {
    const { service, provider } = await setup({});
    provider.search = (query: ProviderQuery) =>
      Promise.resolve([{ ...hit('https://a.com'), title: query.query }]);
    const first = await service.search(request(['q1']));
    const second = await service.search(request(['q2']));
    expect(first[0].title).toBe('q1');
    expect(second[0].title).toBe('q2');
  });

  it('asks the backend for 10 results, to share the cache entry, or for just those wanted with the cache off', async () => {
    const table = { q: [hit('https://a.com')] };
    const cached = await setup(table);
    await cached.service.search(request(['q'], { maxResults: 6 }));
    expect(cached.provider.calls.map((call) => call.limit)).toEqual([10]);
    const uncached = await setup(table, new NoopSearchCache());
    await uncached.service.search(request(['q'], { maxResults: 6 }));
    await uncached.service.search(request(['q'], { maxResults: 15 }));
    expect(uncached.provider.calls.map((call) => call.limit)).toEqual([6, 15]);
  });

  it('caches by normalised query and filters, and makes one call for concurrent twins', async () => {
    const { service, provider, metrics } = await setup({ 'redis cache': [hit('https://a.com')] });
    await Promise.all([
      service.search(request(['Redis  Cache'])),
      service.search(request(['redis cache'])),
      service.search(request([' REDIS cache '])),
    ]);
    await service.search(request(['redis cache'], { maxResults: 3 }));
    expect(provider.calls).toHaveLength(1);
    const lookups = (await metrics.searchCache.get()).values;
    expect(lookups.find((v) => v.labels.result === 'hit')?.value).toBe(1);
    expect(lookups.find((v) => v.labels.result === 'miss')?.value).toBe(3);
    await service.search(request(['redis cache'], { filters: { domains: ['a.com'] } }));
    expect(provider.calls).toHaveLength(2);
  });

  it('passes an abort through to the caller', async () => {
    const { service } = await setup({ q: [hit('https://a.com')] });
    const controller = new AbortController();
    const pending = service.search(request(['q'], { signal: controller.signal }));
    controller.abort(new Error('client closed'));
    await expect(pending).rejects.toThrow('client closed');
  });

  it('rejects a request with no text, naming query', async () => {
    const { service } = await setup({});
    await expect(service.search(request(['  ']))).rejects.toMatchObject({
      status: 400,
      param: 'query',
    });
  });

  it('returns distinct images from pages that pass the filter', async () => {
    const { service } = await setup({});
    const images = await service.images('q', { domains: ['-b.com'] }, 5);
    expect(images.map((i) => i.title)).toEqual(['one']);
  });
});
