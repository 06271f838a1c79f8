import { AppError } from './app-error';

/** 405: the path exists, with other methods; `Allow` lists them (RFC 9110). */
export class MethodNotAllowedError extends AppError {
  constructor(method: string, path: string, allowed: readonly string[]) {
    super(
      405,
      'invalid_request_error',
      'method_not_allowed',
      `${path} does not answer ${method}; use ${allowed.join(' or ')}.`,
      { headers: { Allow: allowed.join(', ') } },
    );
  }
}
