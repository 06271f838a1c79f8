import { AppError } from './app-error';

/** 502 or 504: a backend we call (search, LLM) failed or timed out. */
export class UpstreamError extends AppError {
  constructor(message: string, code: string, status: 502 | 503 | 504 = 502, cause?: unknown) {
    super(status, 'upstream_error', code, message, { cause });
  }
}
