/** The parts of SearXNG's `format=json` answer we read. */
export interface SearxngResult {
  url?: string;
  title?: string;
  content?: string;
  /** Display text in searx 1.x ("May 1, 2024"), ISO in SearXNG. */
  publishedDate?: string | null;
  /** Parseable date, searx 1.x only (`2023-11-20 08:30:00+0000`). */
  pubdate?: string | null;
  img_src?: string;
  thumbnail_src?: string;
  /** `800 x 600` on image results of recent SearXNG. */
  resolution?: string;
  img_format?: string;
  /** Video results: a thumbnail URL and a length (`3:25`, or seconds). */
  thumbnail?: string;
  length?: string | number | null;
}

export interface SearxngResponse {
  query?: string;
  results?: SearxngResult[];
  /** `[[engine, reason], ...]`: engines that failed; with no results, the search failed. */
  unresponsive_engines?: Array<[string, string] | string[]>;
}
