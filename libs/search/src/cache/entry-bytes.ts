import { endBytes } from './cached-result';

/**
 * What a cache entry may take in V8's heap, roughly and on the high side: the budget
 * (`SEARCH_CACHE_MAX_MB`) is spent by this count. Strings count two bytes a character (V8 keeps
 * most in one); objects and arrays a header and a pointer a slot. A result shared by two entries
 * is counted in both.
 */
const HEADER = 24;
const SLOT = 8;
const TYPED_ARRAY = 96;

/** The bytes `value` holds: its strings, objects, arrays and typed arrays, walked once. */
export function heldBytes(value: unknown): number {
  if (typeof value === 'string') return HEADER + 2 * value.length;
  if (typeof value !== 'object' || value === null) return SLOT;
  if (ArrayBuffer.isView(value)) return TYPED_ARRAY + value.byteLength;
  if (Array.isArray(value)) {
    let bytes = HEADER + SLOT * value.length;
    for (const item of value) bytes += heldBytes(item);
    return bytes;
  }
  let bytes = HEADER;
  for (const field of Object.values(value)) bytes += SLOT + heldBytes(field);
  return bytes;
}

/**
 * The bytes of one cache entry: its key and value, and for each cached search result the room it
 * can grow into while cached: its snippet's token ends (`snippetTokenEnds`, at most one a
 * character, two bytes each, four past 64 Ki characters) and one cut copy of the result
 * (`cutResult`, its snippet at most as long). Counted up front, because the cache sizes an entry
 * once, when it is stored.
 */
export function entryBytes(key: string, value: unknown): number {
  let bytes = heldBytes(key) + heldBytes(value);
  if (Array.isArray(value)) for (const item of value) bytes += growthRoom(item);
  return bytes;
}

/** Counted as `heldBytes` will count them once made: two more fields and what they hold. */
function growthRoom(item: unknown): number {
  const result = growableResult(item);
  if (!result) return 0;
  const { length } = result.snippet;
  const tokenEnds = SLOT + TYPED_ARRAY + endBytes(length) * length;
  // `cut: { tokens, result }`, its result a copy with a snippet no longer than this one.
  const cut = SLOT + HEADER + 3 * SLOT + heldBytes(result);
  return tokenEnds + cut;
}

/** The result of a cached search result (`{ result: { snippet }, key }`), else undefined. */
function growableResult(item: unknown): { snippet: string } | undefined {
  if (typeof item !== 'object' || item === null || !('result' in item) || !('key' in item)) {
    return undefined;
  }
  const { result } = item;
  if (typeof result !== 'object' || result === null || !('snippet' in result)) return undefined;
  return typeof result.snippet === 'string' ? (result as { snippet: string }) : undefined;
}
