import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RegexFormatDto {
  @ApiProperty({
    example: '(yes|no)',
    maxLength: 2000,
    description: 'RE2 syntax; the whole answer must match it.',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  regex!: string;
}
