import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class JsonSchemaFormatDto {
  @ApiPropertyOptional({ example: 'answer', default: 'answer', maxLength: 64 })
  @IsOptional()
  @IsString()
  @Matches(/^[\w-]{1,64}$/, { message: 'name must be 1-64 letters, digits, _ or -' })
  name?: string;

  @ApiPropertyOptional({ maxLength: 1024 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  description?: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'A JSON Schema the answer must conform to (checked with ajv).',
    example: {
      type: 'object',
      properties: { answer: { type: 'string' }, confidence: { type: 'number' } },
      required: ['answer'],
    },
  })
  @IsObject()
  schema!: Record<string, unknown>;

  @ApiPropertyOptional({ example: true, description: 'Passed to the upstream.' })
  @IsOptional()
  @IsBoolean()
  strict?: boolean;
}
