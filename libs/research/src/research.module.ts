import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@answergate/common';
import { DEEP_RESEARCH_RUNNER } from '@answergate/completion';
import { LLM_PROVIDER, LlmModule, type LlmProvider } from '@answergate/llm';
import { SearchModule } from '@answergate/search';
import { ResearchService } from './research.service';
import { RESEARCH_THINKER } from './research.tokens';
import { ExtractiveThinker } from './thinkers/extractive-thinker';
import { LlmThinker } from './thinkers/llm-thinker';
import type { ResearchThinker } from './thinkers/research-thinker.interface';

/** An LLM thinks when one is configured; the embedded answerer otherwise. */
function createThinker(config: AppConfig, llm: LlmProvider): ResearchThinker {
  return config.llmProvider === 'extractive' ? new ExtractiveThinker(llm) : new LlmThinker(llm);
}

/** Deep research; global so the chat completions service finds its runner for `sonar-deep-research`. */
@Global()
@Module({
  imports: [SearchModule, LlmModule],
  providers: [
    ResearchService,
    { provide: RESEARCH_THINKER, inject: [AppConfig, LLM_PROVIDER], useFactory: createThinker },
    { provide: DEEP_RESEARCH_RUNNER, useExisting: ResearchService },
  ],
  exports: [ResearchService, DEEP_RESEARCH_RUNNER],
})
export class ResearchModule {}
