import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AnswerImageDto } from './answer-image.dto';
import { CitationCheckDto } from './citation-check.dto';
import { ChunkChoiceDto } from './chunk-choice.dto';
import { CompletionUsageDto } from './completion-usage.dto';
import { SourceResultDto } from './source-result.dto';

/** One SSE event of a streamed answer. */
export class ChatCompletionChunkDto {
  @ApiProperty({ example: 'chatcmpl-3f9c2a7d1e5b4c8a9f0e1d2c' })
  id!: string;

  @ApiProperty({ enum: ['chat.completion.chunk'] })
  object!: 'chat.completion.chunk';

  @ApiProperty({ example: 1795486800 })
  created!: number;

  @ApiProperty({ example: 'sonar' })
  model!: string;

  @ApiProperty({ type: [ChunkChoiceDto], description: 'Empty in the usage chunk.' })
  choices!: ChunkChoiceDto[];

  @ApiPropertyOptional({
    type: [String],
    description: 'In the role chunk, the first content chunk and the finish chunk.',
  })
  citations?: string[];

  @ApiPropertyOptional({
    type: [SourceResultDto],
    description: 'In the role chunk, the first content chunk and the finish chunk.',
  })
  search_results?: SourceResultDto[];

  @ApiPropertyOptional({ type: [String], description: 'In the finish chunk, when asked.' })
  related_questions?: string[];

  @ApiPropertyOptional({
    type: CitationCheckDto,
    description:
      "On the finish chunk: how well the answer's citations are supported by their sources.",
  })
  citation_check?: CitationCheckDto;

  @ApiPropertyOptional({ type: [AnswerImageDto], description: 'In the finish chunk, when asked.' })
  images?: AnswerImageDto[];

  @ApiPropertyOptional({
    type: CompletionUsageDto,
    description:
      'In the finish chunk always, and in a last chunk with empty `choices` with `include_usage`.',
  })
  usage?: CompletionUsageDto;
}
