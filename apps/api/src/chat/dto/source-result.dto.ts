import { ApiProperty } from '@nestjs/swagger';

/** A source behind the answer; `[n]` in the answer cites the n-th one. */
export class SourceResultDto {
  @ApiProperty({ example: 'Configuring the search cache' })
  title!: string;

  @ApiProperty({ example: 'https://docs.example.com/search-cache' })
  url!: string;

  @ApiProperty({ type: String, nullable: true, example: '2026-10-02' })
  date!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-11-01' })
  last_updated!: string | null;

  @ApiProperty({ example: 'Results are cached by the normalised query and filters…' })
  snippet!: string;
}
