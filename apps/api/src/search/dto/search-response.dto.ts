import { randomUUID } from 'node:crypto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SearchResult } from '@answergate/search';
import { SearchResultDto } from './search-result.dto';

const COMMA = 0x2c;

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
   * `JSON.stringify(SearchResponseDto.from(results, serverTime))` in UTF-8, spliced from the
   * encoded JSON of each result (see `SearchResultDto.json`) and the fresh `id` (and
   * `server_time`): no string of the whole answer is built, flattened and encoded again.
   */
  static json(results: readonly SearchResult[], serverTime?: Date): Buffer {
    // Both ends are ASCII (a UUID, an ISO date), so one character is one byte.
    const head = `{"id":"${randomUUID()}","results":[`;
    const tail = serverTime ? `],"server_time":"${serverTime.toISOString()}"}` : ']}';
    let length = head.length + tail.length + Math.max(0, results.length - 1);
    for (const result of results) length += SearchResultDto.json(result).length;
    const body = Buffer.allocUnsafe(length);
    let at = body.write(head, 0, 'latin1');
    for (let index = 0; index < results.length; index += 1) {
      if (index > 0) body[at++] = COMMA;
      at += SearchResultDto.json(results[index]).copy(body, at);
    }
    body.write(tail, at, 'latin1');
    return body;
  }
}
