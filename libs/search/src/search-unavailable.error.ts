import { UpstreamError } from '@answergate/common';

/** 502 (failed) or 504 (too slow): the search backend could not answer; the message says which and why. */
export class SearchUnavailableError extends UpstreamError {
  constructor(message: string, status: 502 | 503 | 504 = 502, cause?: unknown) {
    super(message, 'search_unavailable', status, cause);
  }
}
