import { ApiProperty } from '@nestjs/swagger';

class UrlCitationDto {
  @ApiProperty({ example: 'https://docs.example.com/cache' })
  url!: string;

  @ApiProperty({ example: 'Search cache' })
  title!: string;

  @ApiProperty({ example: 48, description: 'Offset of the `[n]` marker in the content.' })
  start_index!: number;

  @ApiProperty({ example: 51, description: 'Offset just after the marker.' })
  end_index!: number;
}

/** OpenAI's `url_citation` annotation, one per `[n]` marker in the answer. */
export class UrlCitationAnnotationDto {
  @ApiProperty({ enum: ['url_citation'], example: 'url_citation' })
  type!: 'url_citation';

  @ApiProperty({ type: UrlCitationDto })
  url_citation!: UrlCitationDto;
}
