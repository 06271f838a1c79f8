import { describe, expect, it, jest } from '@jest/globals';
import { minimalPdf } from './minimal-pdf';

const ARTICLE = `<!doctype html><html><head><title>Fact page</title></head><body>
<nav>Home | About | Contact</nav>
<article><h1>The lighthouse</h1>
<p>The lighthouse on the cape was built in 1871 by the harbour board, from granite quarried nearby.</p>
<p>Its lamp can be seen from 24 nautical miles away on a clear night, and it still works today.</p>
</article></body></html>`;

type ExtractTextModule = typeof import('./extract-text');

/**
 * A fresh copy of `extract-text.ts` whose readers record when they are loaded (the real
 * libraries still do the work).
 */
function freshExtractText(loaded: string[]): ExtractTextModule {
  let module: ExtractTextModule | undefined;
  jest.isolateModules(() => {
    for (const name of ['linkedom', '@mozilla/readability', 'unpdf']) {
      jest.doMock(name, () => {
        loaded.push(name);
        return jest.requireActual(name);
      });
    }
    module = jest.requireActual<ExtractTextModule>('./extract-text');
  });
  return module as ExtractTextModule;
}

describe('extractText loads its readers lazily', () => {
  it('loads neither the HTML nor the PDF reader until a page needs it', () => {
    const loaded: string[] = [];
    freshExtractText(loaded);
    expect(loaded).toEqual([]);
  });

  it('loads the HTML reader (not PDF.js) for the first HTML page, and still reads its article', async () => {
    const loaded: string[] = [];
    const { extractText } = freshExtractText(loaded);
    const text = await extractText(
      Buffer.from(ARTICLE),
      'text/html',
      'text/html; charset=utf-8',
      'https://pages.test/lighthouse',
    );
    expect(text).toContain('built in 1871 by the harbour board');
    expect(text).not.toContain('Home | About');
    expect(loaded.sort()).toEqual(['@mozilla/readability', 'linkedom']);
  });

  it('loads PDF.js for the first PDF only, and still reads its text', async () => {
    const loaded: string[] = [];
    const { extractText, preloadHtmlReader } = freshExtractText(loaded);
    await preloadHtmlReader();
    expect(loaded).not.toContain('unpdf');
    const pdf = minimalPdf(['The report says revenue grew 42 percent in 2025.']);
    const text = await extractText(
      pdf,
      'application/pdf',
      'application/pdf',
      'https://x.test/r.pdf',
    );
    expect(text).toContain('revenue grew 42 percent in 2025');
    expect(loaded.filter((name) => name === 'unpdf')).toHaveLength(1);
    // A second PDF reuses the loaded reader.
    await extractText(pdf, 'application/pdf', 'application/pdf', 'https://x.test/r2.pdf');
    expect(loaded.filter((name) => name === 'unpdf')).toHaveLength(1);
  }, 30_000);
});
