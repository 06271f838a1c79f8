import { ApiProperty } from '@nestjs/swagger';

export class AssistantMessageDto {
  @ApiProperty({ enum: ['assistant'], example: 'assistant' })
  role!: 'assistant';

  @ApiProperty({
    example:
      'Results are cached for SEARCH_CACHE_TTL_SECONDS [1], in Redis when REDIS_URL is set [2].',
  })
  content!: string;
}
