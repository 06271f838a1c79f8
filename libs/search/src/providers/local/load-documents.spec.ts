import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadDocuments } from './load-documents';

const DIR = join(mkdtempSync(join(tmpdir(), 'answergate-links-')), 'handbook');

describe('loadDocuments URLs', () => {
  beforeAll(() => {
    mkdirSync(join(DIR, 'ops'), { recursive: true });
    writeFileSync(join(DIR, 'ops', 'on call.md'), '# On call\nWho answers the pager at night.');
    writeFileSync(
      join(DIR, 'faq.md'),
      '---\nurl: https://intranet.example/faq\n---\n# FAQ\nQuestions people ask.',
    );
  });
  afterAll(() => rmSync(join(DIR, '..'), { recursive: true, force: true }));

  const urls = async (baseUrl?: string) =>
    Object.fromEntries((await loadDocuments(DIR, baseUrl)).map((d) => [d.title, d.url]));

  it('cites a file as local://<folder>/<path> when no base URL is set', async () => {
    expect(await urls()).toEqual({
      'On call': 'local://handbook/ops/on%20call.md',
      FAQ: 'https://intranet.example/faq',
    });
  });

  it('links a file under the base URL (with or without a trailing slash); front-matter url: wins', async () => {
    const expected = {
      'On call': 'https://github.com/acme/handbook/blob/main/ops/on%20call.md',
      FAQ: 'https://intranet.example/faq',
    };
    expect(await urls('https://github.com/acme/handbook/blob/main')).toEqual(expected);
    expect(await urls('https://github.com/acme/handbook/blob/main/')).toEqual(expected);
  });
});
