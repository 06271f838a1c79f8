import { RECENCY_WINDOW_MS } from '../../filters/date-filter';
import { hasDomainRules, parseDomainFilter, siteOperators } from '../../filters/domain-filter';
import type { ProviderQuery } from '../../search-provider.interface';
import type { RecencyFilter, SearchFilters } from '../../search.types';

export type SearxngCategory = 'general' | 'images' | 'science' | 'videos';

/** SearXNG has no `hour`; `day` is the narrowest it offers (the service trims the rest). */
const TIME_RANGES: Array<[RecencyFilter, 'day' | 'week' | 'month' | 'year']> = [
  ['day', 'day'],
  ['week', 'week'],
  ['month', 'month'],
  ['year', 'year'],
];

/** The narrowest `time_range` that still covers the recency and `after` filters. */
export function timeRange(filters: SearchFilters, now: Date): string | undefined {
  const windows: number[] = [];
  if (filters.recency) windows.push(RECENCY_WINDOW_MS[filters.recency]);
  if (filters.publishedAfter) windows.push(now.getTime() - filters.publishedAfter.getTime());
  if (windows.length === 0) return undefined;
  const reach = Math.min(...windows);
  return TIME_RANGES.find(([bucket]) => RECENCY_WINDOW_MS[bucket] >= reach)?.[1];
}

/** `en` + `US` -> `en-US`; a country alone names no language, so it is not sent. */
export function languageParam(filters: SearchFilters): string | undefined {
  if (!filters.language) return undefined;
  const primary = filters.language.split(/[-_]/, 1)[0].toLowerCase();
  return filters.country ? `${primary}-${filters.country.toUpperCase()}` : filters.language;
}

export function searxngParams(
  query: ProviderQuery,
  category: SearxngCategory,
  pageno: number,
  now = new Date(),
): Record<string, string | number> {
  const rules = parseDomainFilter(query.filters.domains);
  const q = hasDomainRules(rules) ? `${query.query} ${siteOperators(rules)}` : query.query;
  const params: Record<string, string | number> = {
    q,
    format: 'json',
    categories: category,
    pageno,
  };
  const range = timeRange(query.filters, now);
  if (range) params.time_range = range;
  const language = languageParam(query.filters);
  if (language) params.language = language;
  return params;
}
