import { AppError } from './app-error';

/**
 * 413 for a body whose declared length is over the limit, answered before any of it is read.
 * `Connection: close` lets the server drop the rest instead of reading it to the end.
 */
export class RequestTooLargeError extends AppError {
  constructor(limit: string) {
    super(
      413,
      'invalid_request_error',
      'request_too_large',
      `The request body is larger than this server accepts (${limit}).`,
      { headers: { Connection: 'close' } },
    );
  }
}
