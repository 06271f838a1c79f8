import { AppError } from './app-error';

/** 404 for a named resource that does not exist (a model, a route). */
export class NotFoundError extends AppError {
  constructor(message: string, code: string, param: string | null = null) {
    super(404, 'invalid_request_error', code, message, { param });
  }
}
