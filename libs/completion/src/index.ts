export type { ChatCompletion, ChatCompletionChunk } from './chat-completion.wire';
export { ChatCompletions } from './chat-completions.service';
export type {
  Audience,
  CompletionEvent,
  CompletionRequest,
  SearchContextSize,
} from './completion.types';
export { CompletionModule } from './completion.module';
export { CompletionPipeline } from './completion-pipeline.service';
export { MAX_SUB_QUERIES } from './pro-search-planner.service';
export { compileFormat, type FormatChecker } from './structured-output/format-checker';
