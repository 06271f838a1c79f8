import type { Response } from 'express';
import { signalOnClose } from './signal-on-close';

/** Gives the request's AbortSignal, made on first call (the same one on every later call). */
export type LazySignal = () => AbortSignal;

/**
 * An AbortSignal that fires when the client goes away before the answer is sent, so the
 * searches (and backend calls) made for it stop too. Made only when first asked for: a cache
 * hit never needs one, and an AbortController with its close listener costs on every request.
 * A plain function rather than a parameter decorator: Nest runs the global pipes on every
 * custom parameter of every request.
 */
export function lazySignal(response: Response): LazySignal {
  let signal: AbortSignal | undefined;
  return () => (signal ??= signalOnClose(response));
}
