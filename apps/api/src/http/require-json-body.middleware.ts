import type { NextFunction, Request, Response } from 'express';
import { UnsupportedMediaTypeError } from '@answergate/common';
import { isPlainJson } from './plain-json';

/** A body is coming when the request says how long it is (and it is not empty) or is chunked. */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Every route that takes a body reads JSON. A body in another format (curl's `-d`
 * sends form data) would otherwise reach validation empty and be blamed on a field.
 */
export function requireJsonBody() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const given = req.headers['content-type'];
    if (!hasBody(req) || isPlainJson(given) || req.is('application/json')) return next();
    next(
      new UnsupportedMediaTypeError(
        `The request body must be JSON with the header Content-Type: application/json ` +
          `(got Content-Type: ${given ?? 'none'}). With curl, add -H 'Content-Type: application/json'.`,
      ),
    );
  };
}
