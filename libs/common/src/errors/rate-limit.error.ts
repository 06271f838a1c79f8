import { AppError } from './app-error';

/** 429 with `Retry-After`, which OpenAI's SDKs honour when they retry. */
export class RateLimitError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'rate_limit_error', 'rate_limit_exceeded', message, {
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    });
  }
}
