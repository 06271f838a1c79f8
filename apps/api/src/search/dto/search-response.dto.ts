import { randomUUID } from 'node:crypto';
import { ApiProperty } from '@nestjs/swagger';
import type { SearchResult } from '@answergate/search';
import { SearchResultDto } from './search-result.dto';

export class SearchResponseDto {
  @ApiProperty({ example: '3f1c2b7e-9a4d-4e1f-8c55-0b6f2d9e7a10' })
  id!: string;

  @ApiProperty({ type: [SearchResultDto] })
  results!: SearchResultDto[];

  static from(results: SearchResult[]): SearchResponseDto {
    return { id: randomUUID(), results: results.map((result) => SearchResultDto.from(result)) };
  }
}
