/**
 * What a full SearXNG page holds, learned from the pages it answers. searx pages by
 * what its engines return, so a page shorter than a full one means it has nothing
 * more: paging on after it would cost a round trip for an empty page. The size only
 * grows (the largest page seen), so an early short page makes it too small at worst,
 * which costs extra concurrent pages, never missed results.
 */
export class PageSize {
  private largest = 0;

  /** `undefined` until a non-empty page was seen. */
  get known(): number | undefined {
    return this.largest > 0 ? this.largest : undefined;
  }

  see(resultCount: number): void {
    if (resultCount > this.largest) this.largest = resultCount;
  }

  /** True when a page of `resultCount` says searx has no more for this query. */
  isLast(resultCount: number, limit: number): boolean {
    if (resultCount === 0) return true;
    const full = this.known;
    return full !== undefined && resultCount < Math.min(full, limit);
  }

  /** Pages to ask for at once to find `missing` more results; one while the size is unknown. */
  pagesFor(missing: number): number {
    const full = this.known;
    return full === undefined ? 1 : Math.max(1, Math.ceil(missing / full));
  }
}
