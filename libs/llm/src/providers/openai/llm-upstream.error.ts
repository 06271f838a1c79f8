import { UpstreamError } from '@answergate/common';

export interface LlmUpstreamErrorOptions {
  status?: 502 | 504;
  code?: string;
  /** Worth another attempt if nothing was received yet (refused, reset, 5xx, 429). */
  retryable?: boolean;
  /** What the upstream asked for with `Retry-After` / `retry-after-ms`. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** A failed LLM upstream call: an `UpstreamError` that also tells the retry loop what to do. */
export class LlmUpstreamError extends UpstreamError {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: LlmUpstreamErrorOptions = {}) {
    super(message, options.code ?? 'upstream_error', options.status ?? 502, options.cause);
    this.retryable = options.retryable ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}
