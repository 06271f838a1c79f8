import { ApiProperty } from '@nestjs/swagger';
import type { SearchResult } from '@answergate/search';

/**
 * The UTF-8 JSON of results already sent. A cache hit hands out the same result objects
 * (never changed: a cut snippet is a new object), so each is serialised and encoded once
 * while it is cached.
 */
const serialised = new WeakMap<SearchResult, Buffer>();

/** One hit, in Perplexity's shape. */
export class SearchResultDto {
  @ApiProperty({ example: 'Configuration' })
  title!: string;

  @ApiProperty({ example: 'local://docs/configuration.md' })
  url!: string;

  @ApiProperty({ example: '…SEARCH_CACHE_TTL_SECONDS sets how long results are cached…' })
  snippet!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Published (YYYY-MM-DD)',
    example: '2025-01-15',
  })
  date!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Last updated (YYYY-MM-DD)',
    example: '2025-03-02',
  })
  last_updated!: string | null;

  static from(result: SearchResult): SearchResultDto {
    return {
      title: result.title,
      url: result.url,
      snippet: result.snippet,
      date: result.date,
      last_updated: result.lastUpdated,
    };
  }

  /** `JSON.stringify(SearchResultDto.from(result))` in UTF-8, worked out once per result object. */
  static json(result: SearchResult): Buffer {
    let bytes = serialised.get(result);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(SearchResultDto.from(result)), 'utf8');
      serialised.set(result, bytes);
    }
    return bytes;
  }
}
