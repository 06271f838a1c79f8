import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { IsUsDate } from '@answergate/common';
import {
  IsLanguageCode,
  MAX_RESULTS,
  type SearchRequest,
  toSearchFilters,
} from '@answergate/search';
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

  @ApiPropertyOptional({
    description: 'Cut snippets, in rank order, to about this many tokens in all.',
    minimum: 1,
    maximum: 1_000_000,
    example: 2000,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  max_tokens?: number;

  @ApiPropertyOptional({
    description: 'Search API name of `search_after_date_filter` (MM/DD/YYYY).',
    example: '01/31/2025',
  })
  @IsOptional()
  @IsUsDate()
  search_after_date?: string;

  @ApiPropertyOptional({
    description: 'Search API name of `search_before_date_filter` (MM/DD/YYYY).',
    example: '12/31/2025',
  })
  @IsOptional()
  @IsUsDate()
  search_before_date?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 1,
    example: ['en'],
    description: 'ISO 639-1 language of the results; one language per request.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1, { message: 'search_language_filter takes one language per request' })
  @IsLanguageCode({ each: true })
  search_language_filter?: string[];

  @ApiPropertyOptional({ description: 'Add `server_time` (ISO 8601) to the response.' })
  @IsOptional()
  @IsBoolean()
  display_server_time?: boolean;

  /** `signal` is called only when a backend is asked (a cache miss), not on every request. */
  toSearchRequest(signal?: () => AbortSignal): SearchRequest {
    return {
      queries: typeof this.query === 'string' ? [this.query] : this.query,
      maxResults: this.max_results ?? 10,
      maxTokensPerPage: this.max_tokens_per_page,
      maxTokens: this.max_tokens,
      // The filter fields only: spreading the whole DTO copied every field on every request.
      filters: toSearchFilters({
        search_domain_filter: this.search_domain_filter,
        search_recency_filter: this.search_recency_filter,
        search_after_date_filter: this.search_after_date_filter ?? this.search_after_date,
        search_before_date_filter: this.search_before_date_filter ?? this.search_before_date,
        last_updated_after_filter: this.last_updated_after_filter,
        last_updated_before_filter: this.last_updated_before_filter,
        country: this.country,
        language_preference: this.search_language_filter?.[0] ?? this.language_preference,
      }),
      get signal() {
        return signal?.();
      },
    };
  }
}
