import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { SearchFiltersDto } from '../../search/dto/search-filters.dto';
import { ResponseFormatDto } from './response-format.dto';

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

  @ApiPropertyOptional({
    enum: ['low', 'medium', 'high'],
    example: 'medium',
    description:
      'Passed to the upstream LLM. With pro search (sonar-pro, sonar-reasoning-pro) it also sets ' +
      'how many sub-queries are planned: 2, 3 or 5.',
  })
  @IsOptional()
  @IsIn(['low', 'medium', 'high'])
  reasoning_effort?: 'low' | 'medium' | 'high';

  @ApiPropertyOptional({
    type: ResponseFormatDto,
    example: { type: 'text' },
    description:
      'Structured output: passed to the upstream LLM and checked (JSON Schema with ajv, the ' +
      'regex with RE2); a non-conforming answer is asked for once more with the errors, then ' +
      'fails with 502 `invalid_structured_output`. Citations and search_results still come with ' +
      'it. Streams send the checked answer in one chunk. Needs an LLM: the extractive answerer ' +
      'answers 400 for any type but `text`. Example: `{"type":"json_schema","json_schema":' +
      '{"name":"answer","schema":{"type":"object","properties":{"answer":{"type":"string"}},' +
      '"required":["answer"]}}}`.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ResponseFormatDto)
  response_format?: ResponseFormatDto;
}
