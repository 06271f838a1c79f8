import { AppError } from './app-error';

/** 401 with OpenAI's code, so SDKs raise their AuthenticationError. */
export class AuthenticationError extends AppError {
  constructor(message: string) {
    super(401, 'invalid_request_error', 'invalid_api_key', message, {
      headers: { 'WWW-Authenticate': 'Bearer' },
    });
  }
}
