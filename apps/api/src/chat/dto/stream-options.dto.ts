import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class StreamOptionsDto {
  @ApiPropertyOptional({ description: 'Send a final chunk with usage and empty choices.' })
  @IsOptional()
  @IsBoolean()
  include_usage?: boolean;
}
