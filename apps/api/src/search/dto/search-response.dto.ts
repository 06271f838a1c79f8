import { randomUUID } from 'node:crypto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SearchResult } from '@answergate/search';
import { SearchResultDto } from './search-result.dto';

export class SearchResponseDto {
  @ApiProperty({ example: '3f1c2b7e-9a4d-4e1f-8c55-0b6f2d9e7a10' })
  id!: string;

  @ApiProperty({ type: [SearchResultDto] })
  results!: SearchResultDto[];

  @ApiPropertyOptional({
    example: '2026-11-30T12:00:00.000Z',
    description: 'With `display_server_time`.',
  })
  server_time?: string;

  static from(results: SearchResult[], serverTime?: Date): SearchResponseDto {
    const response: SearchResponseDto = {
      id: randomUUID(),
      results: results.map((result) => SearchResultDto.from(result)),
    };
    if (serverTime) response.server_time = serverTime.toISOString();
    return response;
  }

  /**
   * `JSON.stringify(SearchResponseDto.from(results, serverTime))`, spliced from the JSON of
   * each result (see `SearchResultDto.json`) and the fresh `id` (and `server_time`).
   */
  static json(results: readonly SearchResult[], serverTime?: Date): string {
    let text = `{"id":"${randomUUID()}","results":[`;
    for (let index = 0; index < results.length; index += 1) {
      if (index > 0) text += ',';
      text += SearchResultDto.json(results[index]);
    }
    text += ']';
    if (serverTime) text += `,"server_time":"${serverTime.toISOString()}"`;
    return `${text}}`;
  }
}
