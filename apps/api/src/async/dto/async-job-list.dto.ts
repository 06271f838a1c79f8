import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JobPage } from '@answergate/jobs';
import { AsyncJobSummaryDto } from './async-job-summary.dto';

/** The caller's jobs, newest first. */
export class AsyncJobListDto {
  @ApiProperty({ type: [AsyncJobSummaryDto] })
  requests!: AsyncJobSummaryDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as `next_token` for the next page.',
  })
  next_token!: string | null;

  static from(page: JobPage): AsyncJobListDto {
    return {
      requests: page.records.map((record) => AsyncJobSummaryDto.from(record)),
      next_token: page.nextToken ?? null,
    };
  }
}
