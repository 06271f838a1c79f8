/** The `type` values of OpenAI's error envelope that this API uses. */
export type OpenAiErrorType =
  'invalid_request_error' | 'rate_limit_error' | 'server_error' | 'upstream_error';

export interface AppErrorOptions {
  param?: string | null;
  cause?: unknown;
  /** Extra response headers, e.g. `Retry-After`. */
  headers?: Record<string, string>;
}

/**
 * Base of every error a library throws on purpose. It carries everything the
 * global filter needs to answer in OpenAI's envelope, so libraries never know HTTP.
 */
export class AppError extends Error {
  readonly param: string | null;
  readonly headers: Record<string, string>;

  constructor(
    readonly status: number,
    readonly type: OpenAiErrorType,
    readonly code: string,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.param = options.param ?? null;
    this.headers = options.headers ?? {};
  }
}
