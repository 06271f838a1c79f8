import type { NumberedSource } from '../../llm.types';

/** Sources for the extractive specs: two about Paris and France, one off-topic. */
export const TEST_SOURCES: NumberedSource[] = [
  {
    index: 1,
    title: 'Paris - Wikipedia',
    url: 'https://en.wikipedia.org/wiki/Paris',
    date: null,
    snippet:
      'Paris is the capital and largest city of France. With an estimated population of ' +
      '2,102,650 residents in January 2023, Paris is the fourth-most populous city in the ' +
      'European Union. The city is a major railway, highway, and air-transport hub.',
  },
  {
    index: 2,
    title: 'France - Britannica',
    url: 'https://www.britannica.com/place/France',
    date: null,
    snippet:
      'France, officially the French Republic, is a country in Western Europe. Its capital is ' +
      'Paris, which is also its largest city. France is famous for its wine and cheese.',
  },
  {
    index: 3,
    title: 'Redis caching guide',
    url: 'https://redis.io/docs/caching',
    date: null,
    snippet:
      'Redis is an in-memory data store used as a cache. Set a TTL on every key so that stale ' +
      'entries expire on their own.',
  },
];
