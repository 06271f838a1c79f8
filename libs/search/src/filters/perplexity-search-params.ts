import type { RecencyFilter, SearchFilters } from '../search.types';
import { parseUsDate } from '@answergate/common';

/** Perplexity's filter parameters, as `/v1/search` and chat completions receive them (validated). */
export interface PerplexitySearchParams {
  search_domain_filter?: string[];
  search_recency_filter?: RecencyFilter;
  search_after_date_filter?: string;
  search_before_date_filter?: string;
  last_updated_after_filter?: string;
  last_updated_before_filter?: string;
  country?: string;
  language_preference?: string;
}

/** Request parameters to the provider-neutral filters (dates already validated `MM/DD/YYYY`). */
export function toSearchFilters(params: PerplexitySearchParams): SearchFilters {
  const date = (value?: string) => (value ? parseUsDate(value) : undefined);
  return {
    domains: params.search_domain_filter,
    recency: params.search_recency_filter,
    publishedAfter: date(params.search_after_date_filter),
    publishedBefore: date(params.search_before_date_filter),
    updatedAfter: date(params.last_updated_after_filter),
    updatedBefore: date(params.last_updated_before_filter),
    country: params.country?.toUpperCase(),
    language: params.language_preference,
  };
}
