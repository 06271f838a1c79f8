import { ApiProperty } from '@nestjs/swagger';

export class CompletionUsageDto {
  @ApiProperty({ example: 812 })
  prompt_tokens!: number;

  @ApiProperty({ example: 96 })
  completion_tokens!: number;

  @ApiProperty({ example: 908 })
  total_tokens!: number;

  @ApiProperty({
    example: 0,
    description:
      'The reasoning part of completion_tokens (the <think> block of the sonar-reasoning models).',
  })
  reasoning_tokens!: number;

  @ApiProperty({ example: 540, description: 'Tokens of the sources put into the prompt.' })
  citation_tokens!: number;

  @ApiProperty({ example: 1 })
  num_search_queries!: number;

  @ApiProperty({ enum: ['low', 'medium', 'high'], example: 'low' })
  search_context_size!: string;
}
