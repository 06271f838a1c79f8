import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@answergate/common';
import { createLlmProvider } from './llm-provider.factory';
import { LlmHealthIndicator } from './llm.health';
import { LLM_PROVIDER } from './llm.tokens';

/** Provides the configured `LlmProvider` under `LLM_PROVIDER`, and its readiness check. */
@Module({
  imports: [TerminusModule],
  providers: [
    { provide: LLM_PROVIDER, inject: [AppConfig], useFactory: createLlmProvider },
    LlmHealthIndicator,
  ],
  exports: [LLM_PROVIDER, LlmHealthIndicator],
})
export class LlmModule {}
