import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toErrorResponse } from './to-error-response';

/**
 * The one place errors become HTTP answers. After SSE headers went out, the error
 * is written as a final `data:` event instead, so streaming clients see it too.
 */
@Catch()
export class OpenAiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const { response, expected } = toErrorResponse(exception, `${req.method} ${req.path}`);

    if (!expected) {
      this.logger.error(
        { err: exception, method: req.method, path: req.path },
        'Unexpected error while serving a request',
      );
    }
    if (res.headersSent) {
      const isStream = String(res.getHeader('content-type') ?? '').startsWith('text/event-stream');
      if (isStream && !res.writableEnded) {
        res.end(`data: ${JSON.stringify(response.body)}\n\n`);
      } else if (!res.writableEnded) {
        res.end();
      }
      return;
    }
    res.set(response.headers).status(response.status).json(response.body);
  }
}
