import type { SearchFilters, SearchResult } from '../search.types';
import { passesDateFilters, publishedWindow, updatedWindow } from './date-filter';
import { parseDomainFilter, urlPassesDomainRules } from './domain-filter';

export type ResultPredicate = (
  result: Pick<SearchResult, 'url' | 'date' | 'lastUpdated'>,
) => boolean;

/**
 * Compiles the filters once into a predicate every provider's results go through,
 * so a result outside the domain or date filters can never come back.
 */
export function createResultFilter(filters: SearchFilters, now = new Date()): ResultPredicate {
  const rules = parseDomainFilter(filters.domains);
  const published = publishedWindow(filters, now);
  const updated = updatedWindow(filters);
  return (result) =>
    urlPassesDomainRules(result.url, rules) && passesDateFilters(result, published, updated);
}

/** `en` matches `en`, `en-US` and `en-GB`; a document with no language always matches. */
export function languageMatches(documentLanguage: string | null, wanted?: string): boolean {
  if (!wanted || !documentLanguage) return true;
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/, 1)[0];
  return primary(documentLanguage) === primary(wanted);
}
