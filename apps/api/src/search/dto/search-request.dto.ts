import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_RESULTS, type SearchRequest, toSearchFilters } from '@answergate/search';
import { IsSearchQuery } from '../is-search-query.validator';
import { SearchFiltersDto } from './search-filters.dto';

/** `POST /v1/search`: Perplexity's Search API request. */
export class SearchRequestDto extends SearchFiltersDto {
  @ApiProperty({
    description: 'One query, or up to 5 run concurrently and merged by reciprocal-rank fusion.',
    oneOf: [
      { type: 'string' },
      { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5 },
    ],
    example: 'How do I configure the search cache?',
  })
  @IsDefined({ message: 'you must provide a query parameter: a string or up to 5 strings' })
  @IsSearchQuery()
  query!: string | string[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_RESULTS, default: 10, example: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RESULTS)
  max_results?: number;

  @ApiPropertyOptional({
    description: 'Cut each snippet to about this many tokens.',
    minimum: 1,
    maximum: 8192,
    example: 256,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(8192)
  max_tokens_per_page?: number;

  toSearchRequest(signal?: AbortSignal): SearchRequest {
    return {
      queries: typeof this.query === 'string' ? [this.query] : this.query,
      maxResults: this.max_results ?? 10,
      maxTokensPerPage: this.max_tokens_per_page,
      filters: toSearchFilters(this),
      signal,
    };
  }
}
