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
import { REQUEST_AUTHENTICATOR, ROUTE_METHODS } from './errors.tokens';
import { MethodNotAllowedError } from './method-not-allowed.error';
import type { RequestAuthenticator } from './request-authenticator.interface';
import type { RouteMethods } from './route-methods.interface';
import { sendError } from './send-error';

/** The one global filter: every error a route throws is answered by `sendError`. */
@Catch()
export class OpenAiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    @Optional()
    @Inject(REQUEST_AUTHENTICATOR)
    private readonly authenticator?: RequestAuthenticator,
    @Optional()
    @Inject(ROUTE_METHODS)
    private readonly routes?: RouteMethods,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const answered = this.wrongMethod(this.keyFirst(exception, req), req);
    sendError(answered, req, http.getResponse<Response>(), this.logger);
  }

  /** A path no route matched with this method, but some route has with another: 405. */
  private wrongMethod(exception: unknown, req: Request): unknown {
    if (!(exception instanceof NotFoundException) || !this.routes) return exception;
    const allowed = this.routes.allowedAt(req.path);
    return allowed.length > 0
      ? new MethodNotAllowedError(req.method, req.path, allowed)
      : exception;
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
