import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { InvalidRequestError } from '@answergate/common';
import { findUnsupportedField, type UnsupportedField } from './unsupported-field';

/** Extra checks on the raw body that return the refused field's path and reason. */
export type BodyCheck = (body: unknown) => { param: string; reason: string } | undefined;

/**
 * Answers 400 `unsupported_parameter` for a known field the route does not honour, before
 * validation (which would call it unknown). Fields nobody knows are the validation pipe's:
 * 400 `unknown_parameter`. So no field is ever silently dropped.
 */
export class RejectUnsupportedFields implements NestInterceptor {
  constructor(
    private readonly fields: readonly UnsupportedField[],
    private readonly checks: readonly BodyCheck[] = [],
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const body: unknown = context.switchToHttp().getRequest<Request>().body;
    const field = findUnsupportedField(body, this.fields);
    if (field) throw new InvalidRequestError(field.reason, field.path, 'unsupported_parameter');
    for (const check of this.checks) {
      const refused = check(body);
      if (refused) {
        throw new InvalidRequestError(refused.reason, refused.param, 'unsupported_parameter');
      }
    }
    return next.handle();
  }
}
