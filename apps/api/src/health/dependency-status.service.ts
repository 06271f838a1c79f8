import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { Metrics, RedisBreaker } from '@answergate/common';
import { LlmHealthIndicator } from '@answergate/llm';
import { SearchHealthIndicator } from '@answergate/search';

type Detail = HealthIndicatorResult[string];

const PING_TIMEOUT_MS = 3000;
/** Readiness waits this long at most for fresh reports, else shows the last ones. */
const READY_WAIT_MS = 250;

/**
 * The shared upstreams (LLM, search backend, Redis): pinged, reported, counted in
 * `answergate_dependency_up`, but never "down" to the probe. One of them failing
 * fails every replica alike, so taking replicas out of the load balancer would only
 * swap our clear 502/504 for the ingress's own errors. Down is reported as degraded.
 */
@Injectable()
export class DependencyStatus {
  private last: HealthIndicatorResult = {};
  private running?: Promise<HealthIndicatorResult>;

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly llm: LlmHealthIndicator,
    private readonly search: SearchHealthIndicator,
    private readonly breaker: RedisBreaker,
    private readonly metrics: Metrics,
  ) {}

  /** Fresh reports (each ping bounded by 3 s); concurrent callers share one round. */
  refresh(): Promise<HealthIndicatorResult> {
    this.running ??= this.checkAll().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Fresh reports when they come quickly, else the last ones: a probe never waits on an upstream. */
  async quick(): Promise<HealthIndicatorResult> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<HealthIndicatorResult>((resolve) => {
      timer = setTimeout(() => resolve(this.last), READY_WAIT_MS);
    });
    try {
      return await Promise.race([this.refresh(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async checkAll(): Promise<HealthIndicatorResult> {
    const results = await Promise.all([
      this.llm.check(AbortSignal.timeout(PING_TIMEOUT_MS)),
      this.search.checkBackend(),
      ...(this.breaker.configured ? [this.redis()] : []),
    ]);
    const report: HealthIndicatorResult = {};
    for (const result of results as HealthIndicatorResult[]) {
      for (const [name, detail] of Object.entries<Detail>(result)) {
        const up = detail.status === 'up';
        this.metrics.dependencyUp.set({ dependency: name }, up ? 1 : 0);
        report[name] = up ? detail : { ...detail, status: 'degraded' };
      }
    }
    this.last = report;
    return report;
  }

  private async redis() {
    const session = this.indicators.check('redis');
    try {
      await this.breaker.ping();
      return session.up({ breaker: this.breaker.state });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return session.down({ breaker: this.breaker.state, message });
    }
  }
}
