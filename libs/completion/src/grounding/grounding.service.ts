import { Inject, Injectable } from '@nestjs/common';
import {
  AppConfig,
  countTokens,
  LiveCopies,
  Metrics,
  type RequestTimings,
} from '@answergate/common';
import type { NumberedSource } from '@answergate/llm';
import { PAGE_READER, type PageReader, type SearchResult } from '@answergate/search';
import type { SearchContextSize } from '../completion.types';
import { countCitationTokens } from '../citation-tokens';
import { CitationChecker } from './citation-checker';
import { EvidenceCache } from './evidence-cache';
import { selectPassages } from './select-passages';
import { SelectionMemo } from './selection-memo';

/** Two sources with the same passages are the same source when the rest matches too. */
const sameSource = (a: NumberedSource, b: NumberedSource) =>
  a.index === b.index && a.url === b.url && a.title === b.title && a.date === b.date;

/**
 * Grounds answers in what the sources say: reads the pages behind the results, fills the
 * `search_context_size` token budget with the passages that best match the question, and
 * checks the answer's citations against those passages.
 */
@Injectable()
export class Grounding {
  private readonly evidence = new EvidenceCache();
  private readonly selections = new SelectionMemo();
  /**
   * Sources another open answer still holds: questions that pick the same passages of the
   * same pages (a rephrasing, the same topic) share them while they stream.
   */
  private readonly liveSources = new LiveCopies<NumberedSource>(sameSource);

  constructor(
    @Inject(PAGE_READER) private readonly reader: PageReader,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  /** The numbered sources of an answer, each with the passages the budget gave it. */
  async sources(
    question: string,
    results: SearchResult[],
    contextSize: SearchContextSize,
    signal?: AbortSignal,
    timings?: RequestTimings,
  ): Promise<NumberedSource[]> {
    if (results.length === 0) return [];
    const read = timings?.start('fetch');
    const pages = await this.reader.read(results, signal).finally(read);
    const budget = this.config.contextTokens[contextSize];
    const known = this.selections.get(question, budget, results, pages);
    if (known) return known;
    const texts = selectPassages(question, pages, budget, countTokens);
    const sources = results.map((result, i) => {
      const snippet = texts[i] || result.snippet;
      const source = {
        index: i + 1,
        title: result.title,
        url: result.url,
        snippet,
        date: result.date,
      };
      return this.liveSources.share(snippet, source);
    });
    this.selections.set(question, budget, results, pages, sources);
    return sources;
  }

  /** Tokens of the sources block these sources make in the prompt (`usage.citation_tokens`). */
  citationTokens(sources: readonly NumberedSource[]): number {
    return countCitationTokens(sources);
  }

  /** A checker for one answer over these sources, or undefined with `CITATION_CHECK=off`. */
  checker(sources: readonly NumberedSource[]): CitationChecker | undefined {
    const mode = this.config.citationCheck;
    if (mode === 'off') return undefined;
    return new CitationChecker(
      sources.map((source) => source.snippet),
      mode,
      (outcome) => this.metrics.citationChecks.inc({ outcome }),
      (text) => this.evidence.of(text),
    );
  }
}
