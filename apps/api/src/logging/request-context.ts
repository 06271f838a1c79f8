import { AsyncLocalStorage } from 'node:async_hooks';

/** What a log line written while serving a request knows about that request. */
export interface RequestContext {
  readonly id: string;
}

/**
 * The request being served, for log lines written deep inside it (a failed classifier, an
 * unexpected error): they carry its id as `reqId`, so they can be found beside its request line.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();
