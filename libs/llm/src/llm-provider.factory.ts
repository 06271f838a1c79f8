import type { AppConfig } from '@answergate/common';
import type { LlmProvider } from './llm-provider.interface';
import { ExtractiveProvider } from './providers/extractive/extractive.provider';
import { OpenAiCompatibleProvider } from './providers/openai/openai-compatible.provider';

/** One constructor per `LLM_PROVIDER` value: choosing a backend is config, never an `if`. */
const PROVIDERS: Record<AppConfig['llmProvider'], (config: AppConfig) => LlmProvider> = {
  extractive: () => new ExtractiveProvider(),
  openai: (config) => new OpenAiCompatibleProvider(config),
};

export function createLlmProvider(config: AppConfig): LlmProvider {
  return PROVIDERS[config.llmProvider](config);
}
