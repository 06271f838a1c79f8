import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JOB_STATUSES, type JobRecord, type JobStatus } from '@answergate/jobs';

const seconds = (ms: number | null): number | null => (ms === null ? null : Math.floor(ms / 1000));

/** A job in a list: where it is, without its response. Times are Unix seconds. */
export class AsyncJobSummaryDto {
  @ApiProperty({ example: '5d0e7c3f9b2a4e6d8c1f0a9b7e6d5c4b' })
  id!: string;

  @ApiProperty({ example: 'sonar-deep-research' })
  model!: string;

  @ApiProperty({ enum: JOB_STATUSES, example: 'COMPLETED' })
  status!: JobStatus;

  @ApiProperty({ example: 1_764_500_000 })
  created_at!: number;

  @ApiPropertyOptional({ type: Number, nullable: true })
  started_at!: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  completed_at!: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true })
  failed_at!: number | null;

  static from(record: JobRecord): AsyncJobSummaryDto {
    return {
      id: record.id,
      model: record.model,
      status: record.status,
      created_at: seconds(record.createdAt) as number,
      started_at: seconds(record.startedAt),
      completed_at: seconds(record.completedAt),
      failed_at: seconds(record.failedAt),
    };
  }
}
