import { ApiProperty } from '@nestjs/swagger';
import type { SearchResult } from '@answergate/search';

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
}
