import type { Observable } from 'rxjs';
import type { LlmCompletion, LlmEvent, LlmRequest } from './llm.types';

/**
 * An answer generator: any OpenAI-compatible server, or the embedded extractive one.
 * Injected with the `LLM_PROVIDER` token, chosen by config.
 */
export interface LlmProvider {
  readonly name: string;
  /** Can follow `response_format` (JSON schema, JSON object, regex); the extractive answerer cannot. */
  readonly structuredOutput?: boolean;
  /**
   * Cold: the upstream call starts on subscribe, and unsubscribing aborts it
   * (the HTTP request included). Subscribed once: a provider may let go of the request
   * (its prompt) once the upstream has it, when `countPromptTokens` is given. Errors are `AppError`s (502 `upstream_error`, 504 ...).
   */
  stream(request: LlmRequest): Observable<LlmEvent>;
  /** One whole completion (rephrasing, planning, related questions). Aborts with `signal`. */
  complete(request: LlmRequest, signal?: AbortSignal): Promise<LlmCompletion>;
  /** Resolves when the upstream answers (readiness); rejects with the reason otherwise. */
  ping(signal?: AbortSignal): Promise<void>;
}
