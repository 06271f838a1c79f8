import { ApiPropertyOptional } from '@nestjs/swagger';
import type { JobRecord } from '@answergate/jobs';
import { ChatCompletionDto } from '../../chat/dto/chat-completion.dto';
import { AsyncJobSummaryDto } from './async-job-summary.dto';

/** One async job; `response` is the chat.completion once COMPLETED. */
export class AsyncJobDto extends AsyncJobSummaryDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  error_message!: string | null;

  @ApiPropertyOptional({ type: ChatCompletionDto, nullable: true })
  response!: ChatCompletionDto | null;

  static override from(record: JobRecord): AsyncJobDto {
    return {
      ...AsyncJobSummaryDto.from(record),
      error_message: record.errorMessage,
      response: (record.response as ChatCompletionDto | null) ?? null,
    };
  }
}
