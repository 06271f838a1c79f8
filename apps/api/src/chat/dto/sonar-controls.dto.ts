import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { SearchFiltersDto } from '../../search/dto/search-filters.dto';

/** Perplexity Sonar's controls of a chat completion, beyond the search filters. */
export class SonarControlsDto extends SearchFiltersDto {
  @ApiPropertyOptional({
    default: false,
    example: false,
    description:
      'Answer from the model alone: no search call, no sources, `usage.num_search_queries: 0`.',
  })
  @IsOptional()
  @IsBoolean()
  disable_search?: boolean;

  @ApiPropertyOptional({
    default: false,
    example: true,
    description:
      'Let a cheap classifier skip the search for prompts that need none (greetings, arithmetic, ' +
      "rewriting the user's own text). Rule-based with the extractive answerer, one short LLM call " +
      'otherwise; `usage.num_search_queries` is 0 when it skipped.',
  })
  @IsOptional()
  @IsBoolean()
  enable_search_classifier?: boolean;
}
