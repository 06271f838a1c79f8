const PLAIN_JSON = /^application\/json(?:\s*;\s*charset=utf-8)?$/i;

/**
 * `application/json`, optionally with `charset=utf-8`: how nearly every client labels a JSON
 * body. A cheap test that needs no media-type parsing; other spellings are parsed in full.
 */
export function isPlainJson(contentType: string | undefined): boolean {
  return contentType !== undefined && PLAIN_JSON.test(contentType);
}
