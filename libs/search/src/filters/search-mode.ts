import { parseDomainFilter } from './domain-filter';
import type { SearchFilters, SearchMode } from '../search.types';

/** EDGAR, where SEC filings are published. */
export const SEC_DOMAIN = 'sec.gov';

const inSec = (domain: string) => domain === SEC_DOMAIN || domain.endsWith(`.${SEC_DOMAIN}`);

/**
 * `search_mode: sec` on the web: the domain filter narrowed to sec.gov. A caller's allow
 * entries inside sec.gov (`www.sec.gov`) narrow it further; deny entries are kept.
 */
export function secFilters(filters: SearchFilters): SearchFilters {
  const { allow, deny } = parseDomainFilter(filters.domains);
  const within = allow.filter(inSec);
  return {
    ...filters,
    domains: [...(within.length > 0 ? within : [SEC_DOMAIN]), ...deny.map((d) => `-${d}`)],
  };
}

/** The document kind (front matter `kind:`) a mode searches in the local index; `web` takes all. */
export function documentKind(mode: SearchMode | undefined): string | undefined {
  return mode === 'academic' || mode === 'sec' ? mode : undefined;
}
