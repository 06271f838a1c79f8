import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsUsDate } from '@answergate/common';
import {
  IsCountryCode,
  IsDomainFilter,
  IsLanguageCode,
  IsNotBefore,
  MAX_RESULTS,
  type RecencyFilter,
  type SearchRequest,
  toSearchFilters,
} from '@answergate/search';
import { IsSearchQuery } from '../is-search-query.validator';

const RECENCY: RecencyFilter[] = ['hour', 'day', 'week', 'month', 'year'];
const DATE_EXAMPLE = '03/01/2025';

/** `POST /v1/search`: Perplexity's Search API request. */
export class SearchRequestDto {
  @ApiProperty({
    description: 'One query, or up to 5 run concurrently and merged by reciprocal-rank fusion.',
    oneOf: [
      { type: 'string' },
      { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5 },
    ],
    example: 'How do I configure the search cache?',
  })
  @IsSearchQuery()
  query!: string | string[];

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_RESULTS, default: 10, example: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RESULTS)
  max_results?: number;

  @ApiPropertyOptional({
    description: 'Up to 20 domains: `example.com` allows (with subdomains), `-example.com` denies.',
    type: [String],
    maxItems: 20,
    example: ['docs', '-example.com'],
  })
  @IsOptional()
  @IsDomainFilter()
  search_domain_filter?: string[];

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

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2 country to prefer.', example: 'US' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ description: 'ISO 639-1 language of the results.', example: 'en' })
  @IsOptional()
  @IsLanguageCode()
  language_preference?: string;

  @ApiPropertyOptional({ enum: RECENCY, example: 'month' })
  @IsOptional()
  @IsIn(RECENCY)
  search_recency_filter?: RecencyFilter;

  @ApiPropertyOptional({
    description: 'Published on or after (MM/DD/YYYY).',
    example: DATE_EXAMPLE,
  })
  @IsOptional()
  @IsUsDate()
  search_after_date_filter?: string;

  @ApiPropertyOptional({
    description: 'Published on or before (MM/DD/YYYY).',
    example: '12/31/2025',
  })
  @IsOptional()
  @IsUsDate()
  @IsNotBefore('search_after_date_filter')
  search_before_date_filter?: string;

  @ApiPropertyOptional({
    description: 'Last updated on or after (MM/DD/YYYY).',
    example: DATE_EXAMPLE,
  })
  @IsOptional()
  @IsUsDate()
  last_updated_after_filter?: string;

  @ApiPropertyOptional({
    description: 'Last updated on or before (MM/DD/YYYY).',
    example: '12/31/2025',
  })
  @IsOptional()
  @IsUsDate()
  @IsNotBefore('last_updated_after_filter')
  last_updated_before_filter?: string;

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
