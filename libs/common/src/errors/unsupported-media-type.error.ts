import { AppError } from './app-error';

/** 415: the body is not in a format the route reads (JSON routes get form data, text...). */
export class UnsupportedMediaTypeError extends AppError {
  constructor(message: string) {
    super(415, 'invalid_request_error', 'unsupported_media_type', message, {
      param: 'Content-Type',
    });
  }
}
