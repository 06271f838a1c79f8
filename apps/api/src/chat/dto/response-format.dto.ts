import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, ValidateIf, ValidateNested } from 'class-validator';
import { JsonSchemaFormatDto } from './json-schema-format.dto';
import { RegexFormatDto } from './regex-format.dto';

export const RESPONSE_FORMAT_TYPES = ['text', 'json_object', 'json_schema', 'regex'] as const;

/** OpenAI's `response_format`, plus Sonar's `regex`. */
export class ResponseFormatDto {
  @ApiProperty({ enum: RESPONSE_FORMAT_TYPES, example: 'json_schema' })
  @IsIn(RESPONSE_FORMAT_TYPES)
  type!: (typeof RESPONSE_FORMAT_TYPES)[number];

  @ApiPropertyOptional({ type: JsonSchemaFormatDto, description: 'Required for `json_schema`.' })
  @ValidateIf((format: ResponseFormatDto) => format.type === 'json_schema')
  @IsDefined({ message: 'json_schema is required when type is json_schema' })
  @ValidateNested()
  @Type(() => JsonSchemaFormatDto)
  json_schema?: JsonSchemaFormatDto;

  @ApiPropertyOptional({ type: RegexFormatDto, description: 'Required for `regex`.' })
  @ValidateIf((format: ResponseFormatDto) => format.type === 'regex')
  @IsDefined({ message: 'regex is required when type is regex' })
  @ValidateNested()
  @Type(() => RegexFormatDto)
  regex?: RegexFormatDto;
}
