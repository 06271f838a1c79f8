import {
  Body,
  Controller,
  HttpCode,
  Logger,
  Post,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '@answergate/auth';
import {
  ApiErrorResponses,
  AppConfig,
  RequestTimings,
  streamAsSse,
  WriteGate,
} from '@answergate/common';
import { ChatCompletions } from '@answergate/completion';
import { ModelRegistry } from '@answergate/models';
import { API_KEY_SCHEME } from '../docs/api-key-scheme';
import { bothLayouts } from '../http/both-layouts';
import { RejectUnsupportedFields } from '../http/reject-unsupported-fields.interceptor';
import { AnswerAdmission } from './answer-admission.service';
import { CHAT_COMPLETION_EXAMPLES } from './chat-completion.examples';
import { ChatCompletionChunkDto } from './dto/chat-completion-chunk.dto';
import { ChatCompletionRequestDto } from './dto/chat-completion-request.dto';
import { ChatCompletionDto } from './dto/chat-completion.dto';
import { UNSUPPORTED_CHAT_FIELDS } from './request-fields/unsupported-chat-fields';
import { refuseNonTextParts } from './request-fields/unsupported-message-parts';
import { toCompletionRequest } from './to-completion-request';

@ApiTags('chat')
@ApiBearerAuth(API_KEY_SCHEME)
@ApiExtraModels(ChatCompletionRequestDto, ChatCompletionDto, ChatCompletionChunkDto)
@UseInterceptors(new RejectUnsupportedFields(UNSUPPORTED_CHAT_FIELDS, [refuseNonTextParts]))
@Controller(bothLayouts('chat/completions'))
export class ChatCompletionsController {
  private readonly logger = new Logger(ChatCompletionsController.name);

  constructor(
    private readonly completions: ChatCompletions,
    private readonly models: ModelRegistry,
    private readonly config: AppConfig,
    private readonly admission: AnswerAdmission,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'createChatCompletion',
    summary: 'Answer the last question of a conversation from search results, with citations',
    description:
      'OpenAI-compatible, at `/v1/chat/completions` and (Perplexity layout, numeric error ' +
      '`code`) at `/chat/completions`. Every `[n]` marker gets a `url_citation` annotation. ' +
      'With `stream: true` the answer comes as Server-Sent Events: a role chunk carrying ' +
      '`citations` and `search_results`, content chunks (the first repeats them; annotations on ' +
      'the delta that completes a marker), a finish chunk (citations, search results, `usage`, ' +
      'and `related_questions` and `images` when asked), a usage chunk when ' +
      '`stream_options.include_usage`, then `data: [DONE]`.',
  })
  @ApiOkResponse({
    description:
      'A chat.completion, or a text/event-stream of chat.completion.chunk when streaming.',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ChatCompletionDto) } },
      'text/event-stream': { schema: { $ref: getSchemaPath(ChatCompletionChunkDto) } },
    },
  })
  @ApiBody({
    schema: { $ref: getSchemaPath(ChatCompletionRequestDto) },
    examples: CHAT_COMPLETION_EXAMPLES,
  })
  @ApiErrorResponses(400, 401, 404, 413, 415, 429, 502, 503, 504)
  async create(
    @Body() body: ChatCompletionRequestDto,
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const timings = RequestTimings.of(req);
    const request = { ...toCompletionRequest(body, this.models), timings };
    const ticket = await this.admission.admit(req, res, body.stream === true);
    if (!ticket) return;
    if (body.stream) {
      const gate = new WriteGate();
      const streamed = { ...request, whenWritable: gate.whenOpen };
      const chunks = this.completions.stream(streamed, body.stream_options?.include_usage ?? false);
      const options = {
        heartbeatMs: this.config.sseHeartbeatMs,
        logger: this.logger,
        onClose: ticket.end,
        stop: ticket.stop,
        gate,
        // The chunks come as their JSON text.
        encode: (chunk: string) => chunk,
      };
      streamAsSse(chunks, req, res, options);
      return;
    }
    const clientGone = new AbortController();
    ticket.hold(() => clientGone.abort());
    const completion = await this.completions.complete(request, clientGone.signal);
    res.setHeader('Server-Timing', timings.serverTiming());
    res.json(completion);
  }
}
