import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '@answergate/auth';
import { ApiErrorResponses } from '@answergate/common';
import { JobsService } from '@answergate/jobs';
import { API_KEY_SCHEME } from '../docs/api-key-scheme';
import { RejectUnsupportedFields } from '../http/reject-unsupported-fields.interceptor';
import { refuseNonTextPartsInRequest, UNSUPPORTED_ASYNC_FIELDS } from './async-request-fields';
import { AsyncJobs } from './async-jobs.service';
import { AsyncChatRequestDto } from './dto/async-chat-request.dto';
import { AsyncJobListQueryDto } from './dto/async-job-list-query.dto';
import { AsyncJobListDto } from './dto/async-job-list.dto';
import { AsyncJobDto } from './dto/async-job.dto';

const DEFAULT_PAGE = 20;
const owner = (req: AuthenticatedRequest): string => req.apiKeyId ?? 'anonymous';

/**
 * Perplexity's async chat API, at its root paths (as its SDK calls them) and under `/v1`.
 * A job belongs to the key that created it: other keys get 404 and never see it listed.
 */
@ApiTags('async')
@ApiBearerAuth(API_KEY_SCHEME)
@ApiErrorResponses(401, 429, 503)
@Controller(['async/chat/completions', 'v1/async/chat/completions', 'v1/async/sonar'])
export class AsyncChatCompletionsController {
  constructor(
    private readonly asyncJobs: AsyncJobs,
    private readonly jobs: JobsService,
  ) {}

  @Post()
  @HttpCode(200)
  @UseInterceptors(
    new RejectUnsupportedFields(UNSUPPORTED_ASYNC_FIELDS, [refuseNonTextPartsInRequest]),
  )
  @ApiOperation({
    summary: 'Queue a chat completion (any model; made for sonar-deep-research)',
    description:
      'Answers at once with the job in status CREATED; poll GET .../{id} until COMPLETED ' +
      '(then `response` is the chat.completion) or FAILED (then `error_message` says why).',
  })
  @ApiOkResponse({ type: AsyncJobDto })
  @ApiErrorResponses(400, 404)
  async create(
    @Body() body: AsyncChatRequestDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<AsyncJobDto> {
    return AsyncJobDto.from(await this.asyncJobs.submit(owner(req), body));
  }

  @Get()
  @ApiOperation({ summary: "The caller's async jobs, newest first, a page at a time" })
  @ApiOkResponse({ type: AsyncJobListDto })
  @ApiErrorResponses(400)
  async list(
    @Query() query: AsyncJobListQueryDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<AsyncJobListDto> {
    const page = await this.jobs.list(owner(req), query.limit ?? DEFAULT_PAGE, query.next_token);
    return AsyncJobListDto.from(page);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One async job, with its response once COMPLETED' })
  @ApiParam({ name: 'id', example: '5d0e7c3f9b2a4e6d8c1f0a9b7e6d5c4b' })
  @ApiOkResponse({ type: AsyncJobDto })
  @ApiErrorResponses(404)
  async get(@Param('id') id: string, @Req() req: AuthenticatedRequest): Promise<AsyncJobDto> {
    return AsyncJobDto.from(await this.jobs.get(owner(req), id));
  }
}
