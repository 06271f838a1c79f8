import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class WebSearchOptionsDto {
  @ApiPropertyOptional({
    enum: ['low', 'medium', 'high'],
    default: 'low',
    description: 'How much of each source goes into the prompt.',
  })
  @IsOptional()
  @IsIn(['low', 'medium', 'high'])
  search_context_size?: 'low' | 'medium' | 'high';
}
