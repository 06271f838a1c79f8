import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';

export class MediaOverridesDto {
  @ApiPropertyOptional({
    example: false,
    description:
      'Return `videos: [{url, thumbnail_url, thumbnail_width, thumbnail_height, duration}]` from ' +
      "SearXNG's `videos` category. The local index has no videos: 400.",
  })
  @IsOptional()
  @IsBoolean()
  return_videos?: boolean;

  @ApiPropertyOptional({ example: false, description: 'Same as `return_images`.' })
  @IsOptional()
  @IsBoolean()
  return_images?: boolean;
}

/** Sonar's `media_response`. */
export class MediaResponseDto {
  @ApiPropertyOptional({ type: MediaOverridesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MediaOverridesDto)
  overrides?: MediaOverridesDto;
}
