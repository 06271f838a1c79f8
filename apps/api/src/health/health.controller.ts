import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { AuthHealthIndicator, Public } from '@answergate/auth';
import { ApiErrorResponses, ServiceUnavailableError } from '@answergate/common';
import { JobsHealthIndicator } from '@answergate/jobs';
import { LlmHealthIndicator } from '@answergate/llm';
import { SearchHealthIndicator } from '@answergate/search';
import { DrainService } from '../lifecycle/drain.service';

/** Kubernetes probes. Open (no key), so the kubelet can call them. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly auth: AuthHealthIndicator,
    private readonly drain: DrainService,
    private readonly indicators: HealthIndicatorService,
    private readonly search: SearchHealthIndicator,
    private readonly llm: LlmHealthIndicator,
    private readonly jobs: JobsHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process is up and serving HTTP' })
  @ApiOkResponse({ schema: { example: { status: 'ok', info: {}, error: {}, details: {} } } })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: every configured dependency answers' })
  @ApiOkResponse({
    schema: {
      example: {
        status: 'ok',
        info: { auth: { status: 'up' }, search: { status: 'up', provider: 'local' } },
        error: {},
        details: {},
      },
    },
  })
  @ApiErrorResponses(503)
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.draining(),
        () => this.auth.check(),
        ...this.search.checks(),
        () => this.llm.check(AbortSignal.timeout(3000)),
        () => this.jobs.check(),
      ]);
    } catch (error) {
      throw toNotReady(error);
    }
  }

  /** Fails at once on SIGTERM, so the load balancer stops sending traffic while streams finish. */
  private draining() {
    const session = this.indicators.check('shutdown');
    return this.drain.draining ? session.down({ message: 'draining for shutdown' }) : session.up();
  }
}

/** Terminus answers 503 with its own body; say in our envelope which checks failed and why. */
function toNotReady(error: unknown): unknown {
  if (!(error instanceof ServiceUnavailableException)) return error;
  const result = error.getResponse() as Partial<HealthCheckResult>;
  const failures = Object.entries(result.error ?? {}).map(([name, detail]) => {
    const message = (detail as { message?: string }).message;
    return message ? `${name} (${message})` : name;
  });
  return new ServiceUnavailableError(
    `Not ready: ${failures.join(', ') || 'unknown'}.`,
    'not_ready',
  );
}
