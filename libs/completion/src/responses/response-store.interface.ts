import type { LlmMessage } from '@answergate/llm';
import type { ResponseObject } from './responses.wire';

/** A stored response: the object for `GET`, the conversation for follow-ups, its owner. */
export interface StoredResponse {
  owner: string;
  response: ResponseObject;
  /** Every turn, the answer included: what `previous_response_id` continues. */
  conversation: LlmMessage[];
}

/** Keeps responses made with `store: true` for `RESPONSES_TTL_SECONDS`. */
export interface ResponseStore {
  save(stored: StoredResponse): Promise<void>;
  /** The response when it exists, has not expired and belongs to `owner`; else undefined. */
  find(id: string, owner: string): Promise<StoredResponse | undefined>;
}
