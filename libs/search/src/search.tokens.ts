/** Injection token for the configured `SearchProvider`. */
export const SEARCH_PROVIDER = Symbol('SEARCH_PROVIDER');
