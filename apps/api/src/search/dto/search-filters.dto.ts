import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsUsDate } from '@answergate/common';
import {
  IsCountryCode,
  IsDomainFilter,
  IsLanguageCode,
  IsNotBefore,
  type PerplexitySearchParams,
  type RecencyFilter,
} from '@answergate/search';

const RECENCY: RecencyFilter[] = ['hour', 'day', 'week', 'month', 'year'];
const DATE_EXAMPLE = '01/01/2025';

/** Perplexity's search filters, shared by `POST /v1/search` and chat completions. */
export class SearchFiltersDto implements PerplexitySearchParams {
  @ApiPropertyOptional({
    description: 'Up to 20 domains: `example.com` allows (with subdomains), `-example.com` denies.',
    type: [String],
    maxItems: 20,
    example: ['docs', '-example.com'],
  })
  @IsOptional()
  @IsDomainFilter()
  search_domain_filter?: string[];

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
    example: '12/31/2030',
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
    example: '12/31/2030',
  })
  @IsOptional()
  @IsUsDate()
  @IsNotBefore('last_updated_after_filter')
  last_updated_before_filter?: string;
}
