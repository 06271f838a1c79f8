import type { LlmMessage } from '@answergate/llm';
import type { CompletionRequest } from '../completion.types';

/** A Responses API request after validation: the pipeline request plus what the object echoes. */
export interface ResponseRequest {
  completion: CompletionRequest;
  /** The conversation as stored for `previous_response_id` follow-ups (without the answer). */
  conversation: LlmMessage[];
  instructions: string | null;
  maxOutputTokens: number | null;
  temperature: number | null;
  topP: number | null;
  previousResponseId: string | null;
  store: boolean;
  metadata: Record<string, string>;
  /** The key fingerprint that owns a stored response. */
  owner: string;
}
