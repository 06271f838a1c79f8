import { AppError } from './app-error';

/** 400: the request itself is wrong; `param` names the field when there is one. */
export class InvalidRequestError extends AppError {
  constructor(message: string, param: string | null = null, code = 'invalid_value') {
    super(400, 'invalid_request_error', code, message, { param });
  }
}
