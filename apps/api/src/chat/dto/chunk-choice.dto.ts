import { ApiProperty } from '@nestjs/swagger';

export class ChunkChoiceDto {
  @ApiProperty({ example: 0 })
  index!: number;

  @ApiProperty({
    example: { content: 'Results are cached' },
    description:
      '`role` in the first chunk, then `content`; `annotations` (url_citation) on the delta ' +
      'that completes a `[n]` marker.',
  })
  delta!: { role?: 'assistant'; content?: string; annotations?: unknown[] };

  @ApiProperty({ type: String, nullable: true, example: null })
  finish_reason!: string | null;

  @ApiProperty({ type: 'null', nullable: true, example: null, description: 'Always null.' })
  logprobs!: null;
}
