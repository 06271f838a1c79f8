import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsResponseInput, type InputMessage } from '../response-input';

/** OpenAI's `POST /v1/responses` request, the fields this server honours. */
export class CreateResponseRequestDto {
  @ApiProperty({ example: 'sonar', description: 'A model id from GET /v1/models.' })
  @IsString()
  @MaxLength(128)
  model!: string;

  @ApiProperty({
    description: 'The question, or a list of messages whose last one is the user question.',
    oneOf: [
      { type: 'string' },
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            role: { type: 'string', enum: ['user', 'assistant', 'system', 'developer'] },
            content: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'object' } }] },
          },
        },
      },
    ],
    example: 'How do I configure the search cache?',
  })
  @IsResponseInput()
  input!: string | InputMessage[];

  @ApiPropertyOptional({ description: 'A system message for this turn (not carried over).' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  instructions?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 32768 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(32768)
  max_output_tokens?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 2 })
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

  @ApiPropertyOptional({ default: false, description: "Stream OpenAI's response events." })
  @IsOptional()
  @IsBoolean()
  stream?: boolean;

  @ApiPropertyOptional({
    default: true,
    description: 'Keep the response for GET /v1/responses/{id} and previous_response_id.',
  })
  @IsOptional()
  @IsBoolean()
  store?: boolean;

  @ApiPropertyOptional({ description: 'Continue the conversation of a stored response.' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  previous_response_id?: string;

  @ApiPropertyOptional({ description: 'Up to 16 string pairs, returned with the response.' })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, string>;

  @ApiPropertyOptional({ maxLength: 256, description: 'An end-user id, passed upstream.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  user?: string;

  // Accepted only with the values that ask for nothing (see unsupported-response-fields.ts).
  @ApiPropertyOptional({ description: 'Only `{"format":{"type":"text"}}`.' })
  @IsOptional()
  @IsObject()
  text?: { format: { type: 'text' } };

  @ApiPropertyOptional({ type: [Object], maxItems: 0, description: 'Only an empty list.' })
  @IsOptional()
  @IsArray()
  tools?: [];

  @ApiPropertyOptional({ enum: ['auto', 'none'] })
  @IsOptional()
  @IsString()
  tool_choice?: 'auto' | 'none';

  @ApiPropertyOptional({ enum: [false] })
  @IsOptional()
  @IsBoolean()
  parallel_tool_calls?: false;

  @ApiPropertyOptional({ type: [String], maxItems: 0, description: 'Only an empty list.' })
  @IsOptional()
  @IsArray()
  include?: [];

  @ApiPropertyOptional({ enum: [false] })
  @IsOptional()
  @IsBoolean()
  background?: false;
}
