import type { SearchFilters } from '../search.types';
import { toDay } from './date-filter';
import { parseDomainFilter } from './domain-filter';

/** A stable text form of the filters: equal filters give equal keys whatever their order or case. */
export function filtersKey(filters: SearchFilters): string {
  const { allow, deny } = parseDomainFilter(filters.domains);
  const day = (date?: Date) => (date ? toDay(date) : '');
  return [
    allow.join(','),
    deny.join(','),
    filters.recency ?? '',
    day(filters.publishedAfter),
    day(filters.publishedBefore),
    day(filters.updatedAfter),
    day(filters.updatedBefore),
    filters.country?.toUpperCase() ?? '',
    filters.language?.toLowerCase() ?? '',
    filters.mode ?? '',
  ].join('|');
}

/** Case, width and spacing do not make a different question. */
export function normalizeQuery(query: string): string {
  return query.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}
