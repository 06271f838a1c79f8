import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AnswerImageDto } from './answer-image.dto';
import { CitationCheckDto } from './citation-check.dto';
import { CompletionChoiceDto } from './completion-choice.dto';
import { CompletionUsageDto } from './completion-usage.dto';
import { SourceResultDto } from './source-result.dto';

/** A whole answer (`stream: false`). */
export class ChatCompletionDto {
  @ApiProperty({ example: 'chatcmpl-3f9c2a7d1e5b4c8a9f0e1d2c' })
  id!: string;

  @ApiProperty({ enum: ['chat.completion'] })
  object!: 'chat.completion';

  @ApiProperty({ example: 1795486800 })
  created!: number;

  @ApiProperty({ example: 'sonar' })
  model!: string;

  @ApiProperty({ type: [CompletionChoiceDto] })
  choices!: CompletionChoiceDto[];

  @ApiProperty({ type: CompletionUsageDto })
  usage!: CompletionUsageDto;

  @ApiProperty({ type: [String], example: ['https://docs.example.com/search-cache'] })
  citations!: string[];

  @ApiProperty({ type: [SourceResultDto] })
  search_results!: SourceResultDto[];

  @ApiPropertyOptional({ type: [AnswerImageDto], description: 'When `return_images`.' })
  images?: AnswerImageDto[];

  @ApiPropertyOptional({ type: [String], example: ['How long are results cached?'] })
  related_questions?: string[];

  @ApiPropertyOptional({
    type: CitationCheckDto,
    description: "How well the answer's citations are supported by their sources.",
  })
  citation_check?: CitationCheckDto;
}
