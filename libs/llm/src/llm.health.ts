import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { LlmProvider } from './llm-provider.interface';
import { LLM_PROVIDER } from './llm.tokens';

/** Readiness: the configured LLM answers (`GET /models`); the embedded one always does. */
@Injectable()
export class LlmHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(LLM_PROVIDER) private readonly llm: LlmProvider,
  ) {}

  async check(signal?: AbortSignal) {
    const session = this.health.check('llm');
    try {
      await this.llm.ping(signal);
      return session.up({ provider: this.llm.name });
    } catch (error) {
      const message = error instanceof Error ? error.message : 'unreachable';
      return session.down({ provider: this.llm.name, message });
    }
  }
}
