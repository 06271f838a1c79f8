import { LRUCache } from 'lru-cache';

/**
 * `transform` over strings, remembering its results for the texts seen most recently, up to
 * `maxChars` characters of inputs and results together. For pure transforms that are costly
 * and meet the same texts again and again (search results repeat across requests).
 */
export function rememberedText(
  transform: (text: string) => string,
  maxChars: number,
): (text: string) => string {
  const results = new LRUCache<string, string>({
    maxSize: maxChars,
    // The input is kept as the key, so it counts too; +1 keeps an empty text's size positive.
    sizeCalculation: (result, text) => text.length + result.length + 1,
  });
  return (text) => {
    let result = results.get(text);
    if (result === undefined) {
      result = transform(text);
      results.set(text, result);
    }
    return result;
  };
}
