import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import { IsDomainFilter } from '@answergate/search';
import { MediaResponseDto } from './media-response.dto';
import { SearchFiltersDto } from '../../search/dto/search-filters.dto';
import { ResponseFormatDto } from './response-format.dto';

const IMAGE_FORMATS = ['gif', 'jpg', 'jpeg', 'png', 'webp', 'svg', 'avif', 'bmp', 'tiff', 'ico'];

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
      'how many sub-queries are planned: 2, 3 or 5. For sonar-deep-research it sets how far the ' +
      'research goes (by default at most 2/4/8 rounds and 5/15/40 pages read).',
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

  @ApiPropertyOptional({ type: MediaResponseDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MediaResponseDto)
  media_response?: MediaResponseDto;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    example: ['-gettyimages.com'],
    description:
      'Images (`return_images`): `example.com` allows, `-example.com` denies, on the image host or its page host.',
  })
  @IsOptional()
  @IsDomainFilter()
  image_domain_filter?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 10,
    example: ['jpg', 'png'],
    description: 'Images (`return_images`) of these formats only, by their URL (`jpeg` = `jpg`).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(IMAGE_FORMATS, {
    each: true,
    message: `image_format_filter entries must be one of ${IMAGE_FORMATS.join(', ')}`,
  })
  image_format_filter?: string[];
}
