import { ApiProperty } from '@nestjs/swagger';
import { UrlCitationAnnotationDto } from './url-citation-annotation.dto';

export class AssistantMessageDto {
  @ApiProperty({ enum: ['assistant'], example: 'assistant' })
  role!: 'assistant';

  @ApiProperty({
    example:
      'Results are cached for SEARCH_CACHE_TTL_SECONDS [1], in Redis when REDIS_URL is set [2].',
  })
  content!: string;

  @ApiProperty({ type: 'null', nullable: true, example: null, description: 'Always null.' })
  refusal!: null;

  @ApiProperty({
    type: [UrlCitationAnnotationDto],
    description: 'A `url_citation` for every `[n]` marker in `content`.',
  })
  annotations!: UrlCitationAnnotationDto[];
}
