import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseUsDate } from '@answergate/common';
import { LocalSearchProvider } from './local-search.provider';

const DIR = mkdtempSync(join(tmpdir(), 'answergate-local-'));

const files: Record<string, string> = {
  'guide/redis.md': [
    '---',
    'title: Using Redis',
    'date: 2026-03-01',
    'updated: 2026-04-02',
    'lang: en',
    '---',
    '# Using Redis',
    '',
    'Intro text. '.repeat(150),
    '## Cache',
    'The shared cache lives in Redis when `REDIS_URL` is set, so replicas share _all_ results.',
    '![diagram](https://img.example.com/redis.png)',
  ].join('\n'),
  'page.html':
    '<html lang="de"><head><title>Zwischenspeicher</title><meta name="date" content="2025-02-01"></head>' +
    '<body><h1>Zwischenspeicher</h1><p>Der Cache &amp; Redis.</p><script>var x = "cache";</script></body></html>',
  'notes.txt': 'Release notes\nConfiguration moved to environment variables.',
  'export.jsonl': [
    JSON.stringify({
      title: 'Wiki: onboarding',
      url: 'https://wiki.corp.example/onboarding',
      text: 'Onboarding checklist for new engineers',
      date: '2026-10-01',
    }),
    'not json',
    JSON.stringify({ title: 'Wiki: configuration', text: 'Configuration of the VPN client' }),
  ].join('\n'),
  '.hidden.md': '# Hidden\nconfiguration',
  'papers/ledgers.md':
    '---\nkind: academic\n---\n# Distributed ledgers\nA survey of ledger designs.',
  'filings/annual.md': '---\nkind: SEC\n---\n# Form 10-K\nThe annual ledger of the company.',
};

describe('LocalSearchProvider', () => {
  const provider = new LocalSearchProvider(DIR);

  beforeAll(async () => {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(DIR, name, '..'), { recursive: true });
      writeFileSync(join(DIR, name), content);
    }
    await provider.onModuleInit();
  });
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  const search = (query: string, filters = {}, limit = 10) =>
    provider.search({ query, limit, filters });

  it('indexes Markdown, HTML, text and JSON lines, skipping hidden files and bad lines', async () => {
    expect(provider.size).toBe(7);
    await expect(provider.ping()).resolves.toBeUndefined();
  });

  it('ranks with front-matter titles and dates, and snippets around the match', async () => {
    const [first] = await search('replicas share');
    expect(first.title).toBe('Using Redis');
    expect(first.url).toMatch(/^local:\/\/answergate-local-\w+\/guide\/redis\.md$/);
    expect(first).toMatchObject({ date: '2026-03-01', lastUpdated: '2026-04-02' });
    expect(first.snippet).toContain('Cache. The shared cache lives in Redis when REDIS_URL is set');
    expect(first.snippet).toContain('replicas share all results');
    expect(first.snippet.startsWith('…')).toBe(true);
  });

  it('matches prefixes and a typo', async () => {
    expect((await search('onboard'))[0].title).toBe('Wiki: onboarding');
    expect((await search('onboarfing'))[0].title).toBe('Wiki: onboarding');
  });

  it('reads HTML text without scripts and with entities decoded', async () => {
    const [page] = await search('zwischenspeicher');
    expect(page).toMatchObject({ title: 'Zwischenspeicher', date: '2025-02-01' });
    expect(page.snippet).toContain('Der Cache & Redis.');
    expect(page.snippet).not.toContain('var x');
  });

  it('applies domain, date and language filters inside the index', async () => {
    const urls = async (filters: object) =>
      (await search('configuration', filters)).map((r) => r.url);
    expect(await urls({})).toHaveLength(2);
    expect(await urls({ domains: ['wiki.corp.example'] })).toEqual([]);
    expect((await urls({ domains: ['-wiki.corp.example'] })).length).toBe(2);
    expect(await search('onboarding', { domains: ['corp.example'] })).toHaveLength(1);
    // Deny a domain that does hold the match: the index itself must drop it.
    expect(await search('onboarding', {})).toHaveLength(1);
    expect(await search('onboarding', { domains: ['-corp.example'] })).toEqual([]);
    expect(await search('onboarding', { publishedBefore: parseUsDate('01/01/2026') })).toEqual([]);
    expect(await search('cache', { language: 'en' })).toHaveLength(1);
  });

  it('searches only documents of the kind search_mode names (front matter kind)', async () => {
    const titles = async (mode?: 'web' | 'academic' | 'sec') =>
      (await search('ledger', { mode })).map((r) => r.title).sort();
    expect(await titles()).toEqual(['Distributed ledgers', 'Form 10-K']);
    expect(await titles('web')).toEqual(['Distributed ledgers', 'Form 10-K']);
    expect(await titles('academic')).toEqual(['Distributed ledgers']);
    expect(await titles('sec')).toEqual(['Form 10-K']);
  });

  it('finds images in matching documents', async () => {
    const images = await provider.images({ query: 'redis', limit: 5, filters: {} });
    expect(images).toEqual([
      {
        imageUrl: 'https://img.example.com/redis.png',
        originUrl: expect.stringContaining('guide/redis.md'),
        title: 'diagram',
      },
    ]);
  });

  it('reports a missing folder through readiness', async () => {
    const missing = new LocalSearchProvider(join(DIR, 'nope'));
    await missing.onModuleInit();
    await expect(missing.ping()).rejects.toThrow('does not exist');
  });
});
