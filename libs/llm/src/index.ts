export { LlmModule } from './llm.module';
export { LlmHealthIndicator } from './llm.health';
export { LLM_PROVIDER } from './llm.tokens';
export type { LlmProvider } from './llm-provider.interface';
export type {
  ChatRole,
  LlmCompletion,
  LlmEvent,
  LlmMessage,
  LlmRequest,
  LlmSampling,
  LlmTask,
  LlmUsage,
  NumberedSource,
} from './llm.types';
export { LlmUnsupportedTaskError } from './llm-unsupported-task.error';
export { NO_SEARCH, SEARCH } from './providers/extractive/search-need';
export { createLlmProvider } from './llm-provider.factory';
export { ExtractiveProvider } from './providers/extractive/extractive.provider';
export { OpenAiCompatibleProvider } from './providers/openai/openai-compatible.provider';
export { countMessageTokens } from './tokens/count-tokens';
export { SseDecoder, type SseEvent } from './sse/sse-decoder';
