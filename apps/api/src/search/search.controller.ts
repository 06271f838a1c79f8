import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrorResponses, RequestTimings } from '@answergate/common';
import { SearchService } from '@answergate/search';
import { API_KEY_SCHEME } from '../docs/api-key-scheme';
import { bothLayouts } from '../http/both-layouts';
import { SearchRequestDto } from './dto/search-request.dto';
import { SearchResponseDto } from './dto/search-response.dto';
import { lazySignal } from './lazy-signal';
import { SEARCH_EXAMPLES } from './search.examples';

@ApiTags('search')
@ApiBearerAuth(API_KEY_SCHEME)
@ApiExtraModels(SearchRequestDto)
@ApiErrorResponses(401, 429, 503)
@Controller(bothLayouts('search'))
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'search',
    summary: 'Search the configured backend (Perplexity Search API)',
    description:
      'Ranked results with snippets. Several queries run concurrently and are merged; ' +
      'domain and date filters are enforced on every returned URL.',
  })
  @ApiBody({ schema: { $ref: getSchemaPath(SearchRequestDto) }, examples: SEARCH_EXAMPLES })
  @ApiOkResponse({ type: SearchResponseDto })
  @ApiErrorResponses(400, 415, 502, 504)
  async create(
    @Body() body: SearchRequestDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const timings = RequestTimings.of(req);
    const searched = timings.start('search');
    const results = await this.search.search(body.toSearchRequest(lazySignal(res)));
    searched();
    res.setHeader('Server-Timing', timings.serverTiming());
    // The JSON bytes are spliced from each result's, encoded once while it is cached: what
    // `res.json` would send for `SearchResponseDto.from(...)`, under the same Content-Type.
    // Sent here (Nest would serialise a Buffer as an object); errors still reach the filter.
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.send(SearchResponseDto.json(results, body.display_server_time ? new Date() : undefined));
  }
}
