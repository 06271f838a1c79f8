import type { ExamplesObject } from '@nestjs/swagger';

/** Request bodies the explorer offers for `POST /v1/search`; each finds documents on the default start. */
export const SEARCH_EXAMPLES: ExamplesObject = {
  query: {
    summary: 'One query',
    value: { query: 'How long are search results cached?', max_results: 5 },
  },
  queries: {
    summary: 'Several queries, merged',
    value: {
      query: ['search cache time to live', 'rate limits per API key'],
      max_results: 5,
      max_tokens_per_page: 256,
    },
  },
  filtered: {
    summary: 'Filters: a domain and a last-updated date',
    value: {
      query: 'graceful shutdown',
      search_domain_filter: ['docs'],
      last_updated_after_filter: '01/01/2025',
    },
  },
};
