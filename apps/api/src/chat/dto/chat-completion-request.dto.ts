import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ChatMessageDto } from './chat-message.dto';
import { IsStop } from './is-stop.validator';
import { SonarControlsDto } from './sonar-controls.dto';
import { StreamOptionsDto } from './stream-options.dto';
import { WebSearchOptionsDto } from './web-search-options.dto';

/**
 * OpenAI's chat completion request, plus Perplexity's search options. A field not declared
 * here is refused: `unsupported_parameter` when listed in `request-fields/`, else
 * `unknown_parameter`.
 */
export class ChatCompletionRequestDto extends SonarControlsDto {
  @ApiProperty({ example: 'sonar', description: 'A model id from GET /v1/models.' })
  @IsString()
  @MaxLength(128)
  model!: string;

  @ApiProperty({
    type: [ChatMessageDto],
    description: 'The conversation; the last message is the user question.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(256)
  @ValidateNested({ each: true })
  @Type(() => ChatMessageDto)
  messages!: ChatMessageDto[];

  @ApiPropertyOptional({
    default: false,
    description: 'Stream Server-Sent Events of chat.completion.chunk.',
  })
  @IsOptional()
  @IsBoolean()
  stream?: boolean;

  @ApiPropertyOptional({ type: StreamOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => StreamOptionsDto)
  stream_options?: StreamOptionsDto;

  @ApiPropertyOptional({ minimum: 0, maximum: 2, example: 0.2 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(2)
  temperature?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  top_p?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 32768 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(32768)
  max_tokens?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 32768,
    description: "OpenAI's newer name for `max_tokens`; wins when both are sent.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(32768)
  max_completion_tokens?: number;

  @ApiPropertyOptional({ description: 'Passed upstream, for models that sample reproducibly.' })
  @IsOptional()
  @IsInt()
  seed?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 2048,
    description: 'Top-k sampling, passed upstream.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2048)
  top_k?: number;

  @ApiPropertyOptional({
    enum: [false],
    description: 'Only `false`: log probabilities are not available (true answers 400).',
  })
  @IsOptional()
  @IsBoolean()
  logprobs?: boolean;

  @ApiPropertyOptional({ minimum: -2, maximum: 2 })
  @IsOptional()
  @IsNumber()
  @Min(-2)
  @Max(2)
  presence_penalty?: number;

  @ApiPropertyOptional({ minimum: -2, maximum: 2 })
  @IsOptional()
  @IsNumber()
  @Min(-2)
  @Max(2)
  frequency_penalty?: number;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, maxItems: 4 }],
  })
  @IsOptional()
  @IsStop()
  stop?: string | string[];

  @ApiPropertyOptional({ enum: [1], default: 1, description: 'Only one choice is generated.' })
  @IsOptional()
  @IsInt({ message: 'n must be 1: only one choice is generated' })
  @Min(1, { message: 'n must be 1: only one choice is generated' })
  @Max(1, { message: 'n must be 1: only one choice is generated' })
  n?: number;

  @ApiPropertyOptional({ maxLength: 256, description: 'An end-user id, passed upstream.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  user?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 20,
    default: 6,
    description: 'Sources to search for.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  max_results?: number;

  @ApiPropertyOptional({
    enum: ['web', 'academic', 'sec'],
    default: 'web',
    example: 'web',
    description:
      '`academic`: scholarly sources (SearXNG `science` category; local documents with front ' +
      'matter `kind: academic`). `sec`: SEC filings (sec.gov on SearXNG; `kind: sec` locally).',
  })
  @IsOptional()
  @IsIn(['web', 'academic', 'sec'])
  search_mode?: 'web' | 'academic' | 'sec';

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  return_images?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  return_related_questions?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Plan several sub-queries and search them in parallel.',
  })
  @IsOptional()
  @IsBoolean()
  pro_search?: boolean;

  @ApiPropertyOptional({
    enum: ['low', 'medium', 'high'],
    default: 'medium',
    description:
      'sonar-deep-research: how far the research goes (by default at most 2/4/8 rounds and ' +
      '5/15/40 pages read).',
  })
  @IsOptional()
  @IsIn(['low', 'medium', 'high'])
  reasoning_effort?: 'low' | 'medium' | 'high';

  @ApiPropertyOptional({ type: WebSearchOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebSearchOptionsDto)
  web_search_options?: WebSearchOptionsDto;
}
