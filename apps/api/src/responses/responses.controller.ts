import {
  Body,
  Controller,
  Get,
  HttpCode,
  Logger,
  Param,
  Post,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '@answergate/auth';
import { ApiErrorResponses, AppConfig, streamAsSse } from '@answergate/common';
import { OpenAiResponses, type ResponseObject } from '@answergate/completion';
import { ModelRegistry } from '@answergate/models';
import { AnswerAdmission } from '../chat/answer-admission.service';
import { API_KEY_SCHEME } from '../docs/api-key-scheme';
import { RejectUnsupportedFields } from '../http/reject-unsupported-fields.interceptor';
import { CreateResponseRequestDto } from './dto/create-response-request.dto';
import { toResponseRequest } from './to-response-request';
import { UNSUPPORTED_RESPONSE_FIELDS } from './unsupported-response-fields';

const EXAMPLE = {
  id: 'resp_3f9c2a7d1e5b4c8a9f0e1d2c',
  object: 'response',
  status: 'completed',
  model: 'sonar',
  output: [
    {
      type: 'web_search_call',
      id: 'ws_1',
      status: 'completed',
      action: { type: 'search', query: 'search cache' },
    },
    {
      type: 'message',
      id: 'msg_1',
      status: 'completed',
      role: 'assistant',
      content: [
        {
          type: 'output_text',
          text: 'Results are cached [1].',
          annotations: [
            {
              type: 'url_citation',
              url: 'https://docs.example.com/cache',
              title: 'Search cache',
              start_index: 19,
              end_index: 22,
            },
          ],
        },
      ],
    },
  ],
  output_text: 'Results are cached [1].',
  usage: { input_tokens: 812, output_tokens: 9, total_tokens: 821 },
};

/** OpenAI's Responses API (`/v1` only: both SDKs call it there). */
@ApiTags('responses')
@ApiBearerAuth(API_KEY_SCHEME)
@ApiErrorResponses(401, 429, 503)
@Controller('v1/responses')
export class ResponsesController {
  private readonly logger = new Logger(ResponsesController.name);

  constructor(
    private readonly responses: OpenAiResponses,
    private readonly models: ModelRegistry,
    private readonly config: AppConfig,
    private readonly admission: AnswerAdmission,
  ) {}

  @Post()
  @HttpCode(200)
  @UseInterceptors(new RejectUnsupportedFields(UNSUPPORTED_RESPONSE_FIELDS))
  @ApiOperation({
    summary: "Answer with OpenAI's Responses API: a web_search_call and a cited message",
    description:
      'The same pipeline as chat completions. `output` holds a `web_search_call` (the queries ' +
      'run) and a `message` whose `output_text` carries `url_citation` annotations. With ' +
      "`stream: true`, OpenAI's event sequence (`response.created` … `response.completed`, " +
      '`response.failed` on an error). `store` (default true) keeps the response for ' +
      'RESPONSES_TTL_SECONDS, for GET and `previous_response_id`, visible only to its key.',
  })
  @ApiOkResponse({ description: 'A response object.', schema: { example: EXAMPLE } })
  @ApiErrorResponses(400, 404, 502, 504)
  async create(
    @Body() body: CreateResponseRequestDto,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const request = toResponseRequest(body, this.models, req.apiKeyId ?? '');
    const ticket = await this.admission.admit(req, res, body.stream === true);
    if (!ticket) return;
    if (body.stream) {
      const events = this.responses.stream(request);
      streamAsSse(events, req, res, {
        heartbeatMs: this.config.sseHeartbeatMs,
        logger: this.logger,
        onClose: ticket.end,
        stop: ticket.stop,
      });
      return;
    }
    const clientGone = new AbortController();
    ticket.hold(() => clientGone.abort());
    res.json(await this.responses.create(request, clientGone.signal));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A stored response (made with `store: true` by this key)' })
  @ApiParam({ name: 'id', example: 'resp_3f9c2a7d1e5b4c8a9f0e1d2c' })
  @ApiOkResponse({ description: 'The response object.', schema: { example: EXAMPLE } })
  @ApiErrorResponses(404)
  get(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<ResponseObject> {
    return this.responses.get(id, req.apiKeyId ?? '');
  }
}
