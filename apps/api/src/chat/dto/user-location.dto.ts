import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCountryCode } from '@answergate/search';

/** `web_search_options.user_location`: steers the search locale and the answer. */
export class UserLocationDto {
  @ApiPropertyOptional({
    example: 'FR',
    description:
      'ISO 3166-1 alpha-2. Sets the search country and, without language_preference, the ' +
      "search language (the country's main language, e.g. SearXNG `fr-FR`).",
  })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ example: 'Auvergne-Rhône-Alpes', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiPropertyOptional({
    example: 'Lyon',
    maxLength: 100,
    description: 'Region, city and coordinates go into the answer prompt.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ example: 45.76, minimum: -90, maximum: 90 })
  @IsOptional()
  @IsNumber()
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ example: 4.84, minimum: -180, maximum: 180 })
  @IsOptional()
  @IsNumber()
  @Min(-180)
  @Max(180)
  longitude?: number;
}
