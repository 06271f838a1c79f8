import type { Response } from 'express';

/**
 * An AbortSignal that fires when the response closes before it finished (the client went
 * away). Made after the client left (its `close` already emitted), it is aborted at once.
 */
export function signalOnClose(response: Response): AbortSignal {
  const controller = new AbortController();
  const abort = () => {
    if (!response.writableFinished) controller.abort(new Error('The client closed the request.'));
  };
  if (response.closed) abort();
  else response.once('close', abort);
  return controller.signal;
}
