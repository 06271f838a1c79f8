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
export { MAX_SUB_QUERIES, ProSearchPlanner } from './pro-search-planner.service';
export { OpenAiResponses } from './responses/openai-responses.service';
export type { ResponseRequest } from './responses/response-request';
export type { ResponseObject, ResponseStreamEvent } from './responses/responses.wire';
export { RESPONSE_STORE } from './responses/responses.tokens';
export type { ResponseStore, StoredResponse } from './responses/response-store.interface';
export { parsePlan } from './pro-search-planner.service';
export { askSideTask, askSideTaskWithUsage, type SideTask } from './side-task';
export { formatSources } from './numbered-sources';
export { countCitationTokens } from './citation-tokens';
export { toWireResult } from './wire-mappers';
export type { AnswerRunner } from './answer-runner.interface';
export { DEEP_RESEARCH_RUNNER } from './completion.tokens';
export type { CompletionUsage } from './completion.types';
export { compileFormat, type FormatChecker } from './structured-output/format-checker';
