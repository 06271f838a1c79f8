import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Logger, type OnModuleInit } from '@nestjs/common';
import { createResultFilter, languageMatches } from '../../filters/result-filter';
import type { ProviderQuery, SearchProvider } from '../../search-provider.interface';
import type { SearchImage, SearchResult } from '../../search.types';
import { documentKind } from '../../filters/search-mode';
import { cutSnippet } from '../../snippets/cut-snippet';
import { loadDocuments, type IndexedDocument } from './load-documents';
import { LocalIndex } from './local-index';

/** Long enough to feed an answer; `max_tokens_per_page` cuts it further. */
export const LOCAL_SNIPPET_CHARS = 1200;

/**
 * The embedded default: a full-text index over `LOCAL_INDEX_DIR`, built at startup,
 * so the service answers with no other service running.
 */
export class LocalSearchProvider implements SearchProvider, OnModuleInit {
  readonly name = 'local';
  private readonly logger = new Logger('LocalIndex');
  private readonly index = new LocalIndex();
  private readonly texts = new Map<string, string>();
  private readonly dir: string;
  private problem: string | undefined = 'the index is not built yet';

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  get size(): number {
    return this.index.size;
  }

  async onModuleInit(): Promise<void> {
    const started = performance.now();
    try {
      await access(this.dir);
    } catch {
      this.problem = `LOCAL_INDEX_DIR ${this.dir} does not exist`;
      this.logger.warn(`${this.problem}: local search will find nothing`);
      return;
    }
    const documents = await loadDocuments(this.dir);
    this.index.add(documents);
    for (const document of documents) this.texts.set(document.url, document.text);
    this.problem = undefined;
    const ms = Math.round(performance.now() - started);
    this.logger.log(`Indexed ${this.index.size} documents from ${this.dir} in ${ms} ms`);
  }

  search(query: ProviderQuery): Promise<SearchResult[]> {
    return Promise.resolve(
      this.find(query).map(({ document, terms }) => ({
        title: document.title,
        url: document.url,
        snippet: cutSnippet(document.text, terms, LOCAL_SNIPPET_CHARS),
        date: document.date,
        lastUpdated: document.lastUpdated,
      })),
    );
  }

  fullText(url: string): string | undefined {
    return this.texts.get(url);
  }

  /** Images found in the matching documents (absolute URLs only). */
  images(query: ProviderQuery): Promise<SearchImage[]> {
    const hits = this.find({ ...query, limit: Math.max(query.limit, 20) });
    return Promise.resolve(hits.flatMap(({ document }) => document.images).slice(0, query.limit));
  }

  ping(): Promise<void> {
    return this.problem ? Promise.reject(new Error(this.problem)) : Promise.resolve();
  }

  private find(query: ProviderQuery) {
    const accept = createResultFilter(query.filters);
    const language = query.filters.language;
    const kind = documentKind(query.filters.mode);
    return this.index.search(
      query.query,
      query.limit,
      (document: IndexedDocument) =>
        accept(document) &&
        languageMatches(document.language, language) &&
        (kind === undefined || document.kind === kind),
    );
  }
}
