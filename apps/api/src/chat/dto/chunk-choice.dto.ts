import { ApiProperty } from '@nestjs/swagger';

export class ChunkChoiceDto {
  @ApiProperty({ example: 0 })
  index!: number;

  @ApiProperty({
    example: { content: 'Results are cached' },
    description: '`role` in the first chunk, then `content`.',
  })
  delta!: { role?: 'assistant'; content?: string };

  @ApiProperty({ type: String, nullable: true, example: null })
  finish_reason!: string | null;
}
