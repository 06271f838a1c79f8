import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { UserLocationDto } from './user-location.dto';

export class WebSearchOptionsDto {
  @ApiPropertyOptional({
    enum: ['low', 'medium', 'high'],
    default: 'low',
    description: 'How much of each source goes into the prompt.',
  })
  @IsOptional()
  @IsIn(['low', 'medium', 'high'])
  search_context_size?: 'low' | 'medium' | 'high';

  @ApiPropertyOptional({ type: UserLocationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserLocationDto)
  user_location?: UserLocationDto;

  @ApiPropertyOptional({
    enum: ['fast', 'pro', 'auto'],
    example: 'auto',
    description:
      '`fast`: one search; `pro`: planned sub-queries (pro search); `auto`: as the model does.',
  })
  @IsOptional()
  @IsIn(['fast', 'pro', 'auto'])
  search_type?: 'fast' | 'pro' | 'auto';
}
