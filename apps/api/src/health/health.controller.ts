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
import { DrainService } from '../lifecycle/drain.service';
import { DependencyStatus } from './dependency-status.service';

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
    private readonly dependencies: DependencyStatus,
    private readonly jobs: JobsHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({
    operationId: 'checkLiveness',
    summary: 'Liveness: the process is up and serving HTTP',
  })
  @ApiOkResponse({ schema: { example: { status: 'ok', info: {}, error: {}, details: {} } } })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({
    operationId: 'checkReadiness',
    summary: 'Readiness: this replica can serve (process up, configuration valid, not draining)',
    description:
      'Shared upstreams (LLM, search backend, Redis) are reported in `details` but never fail ' +
      'this probe: one of them down fails every replica alike, and clients then get our own ' +
      "502/504 instead of the ingress's. A dependency that does not answer shows as `degraded`.",
  })
  @ApiOkResponse({
    schema: {
      example: {
        status: 'ok',
        info: {
          shutdown: { status: 'up' },
          auth: { status: 'up' },
          llm: { status: 'up', provider: 'extractive' },
          search: { status: 'up', provider: 'local' },
        },
        error: {},
        details: {},
      },
    },
  })
  @ApiErrorResponses(503)
  async ready(): Promise<HealthCheckResult> {
    const dependencies = await this.dependencies.quick();
    try {
      return await this.health.check([
        () => this.draining(),
        () => this.auth.check(),
        ...Object.entries(dependencies).map(([name, detail]) => () => ({ [name]: detail })),
        () => this.jobs.check(),
      ]);
    } catch (error) {
      throw toNotReady(error);
    }
  }

  @Get('dependencies')
  @ApiOperation({
    summary: 'The shared upstreams (LLM, search backend, Redis), pinged now',
    description:
      'Always 200 while the process serves: `status` is `degraded` when one of them is down, ' +
      'with its message. Also exported as `answergate_dependency_up` on /metrics.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        status: 'ok',
        info: {
          llm: { status: 'up', provider: 'extractive' },
          search: { status: 'up', provider: 'local' },
        },
        error: {},
        details: {},
      },
    },
  })
  async dependencyReport(): Promise<HealthCheckResult> {
    const dependencies = await this.dependencies.refresh();
    return this.health.check(
      Object.entries(dependencies).map(([name, detail]) => () => ({ [name]: detail })),
    );
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
  // Draining is the plan during a rollout: its own code, so its 503s are logged at info.
  const code = result.error && 'shutdown' in result.error ? 'shutting_down' : 'not_ready';
  return new ServiceUnavailableError(`Not ready: ${failures.join(', ') || 'unknown'}.`, code);
}
