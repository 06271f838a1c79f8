import type { Request } from 'express';

/** Checks a request's API key the way the bearer guard does, for paths no route matched. */
export interface RequestAuthenticator {
  /** Throws the error a guarded route would answer (401, 503) when the key does not pass. */
  authenticate(request: Request): void;
}
