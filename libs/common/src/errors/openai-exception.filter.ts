import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  Inject,
  Logger,
  NotFoundException,
  Optional,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { REQUEST_AUTHENTICATOR } from './errors.tokens';
import type { RequestAuthenticator } from './request-authenticator.interface';
import { sendError } from './send-error';

/** The one global filter: every error a route throws is answered by `sendError`. */
@Catch()
export class OpenAiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    @Optional()
    @Inject(REQUEST_AUTHENTICATOR)
    private readonly authenticator?: RequestAuthenticator,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    sendError(this.keyFirst(exception, req), req, http.getResponse<Response>(), this.logger);
  }

  /**
   * A path no route matched (the router's plain `NotFoundException`; our own 404s are
   * `AppError`s) still checks the key first, so a wrong key is a 401 everywhere and
   * SDKs raise their auth error rather than a not-found one.
   */
  private keyFirst(exception: unknown, req: Request): unknown {
    if (!(exception instanceof NotFoundException) || !this.authenticator) {
      return exception;
    }
    try {
      this.authenticator.authenticate(req);
      return exception;
    } catch (authError) {
      return authError;
    }
  }
}
