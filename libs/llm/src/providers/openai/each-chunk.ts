import { finished, type Readable } from 'node:stream';

/**
 * What to do with one chunk of a body: nothing to return to go on at once, or a promise to
 * read no more of the body until it settles (a rejection stops the reading with that error).
 */
export type ChunkHandler = (chunk: Buffer) => Promise<void> | undefined;

/**
 * Hands what `body` has buffered to `take`, one `read()` at a time (all that is buffered, in
 * one piece), until `isDone()` says after a chunk that nothing more is needed, or the body
 * ends. It resolves then; it rejects with what `take` threw and with the body's failure (an
 * error, or a close before its end), as a `for await` over the body would. Unlike that loop it
 * makes no promise per chunk: this runs for every token of every open stream. Stopping at
 * `isDone()` leaves the body as it is (neither read on nor destroyed), and so does a failure
 * of `take`. While `take` waits nothing is read, so what arrives meanwhile stays in the body's
 * buffers (and its socket's, once they are full or paused), not in the caller's hands.
 *
 * A failure of the body that comes while `take` waits is reported when the wait is over, so
 * the wait (and whoever it waits for) is never cut short.
 */
export function eachChunk(
  body: Readable,
  take: ChunkHandler,
  isDone: () => boolean,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let waiting = false;
    let settled = false;
    /** The body's end (null) or failure, while a wait holds it back. */
    let ended: Error | null | undefined;
    const settle = (error?: Error | null): void => {
      if (settled) return;
      settled = true;
      body.off('readable', readAll);
      stopWatching();
      if (error) reject(error);
      else resolve();
    };
    /** Whether the reading is over after a chunk. */
    const over = (): boolean => {
      if (ended !== undefined) settle(ended);
      else if (isDone()) settle();
      return settled;
    };
    const afterWait = (): void => {
      waiting = false;
      if (!over()) readAll();
    };
    const readOne = (): Buffer | null => body.read() as Buffer | null;
    function readAll(): void {
      if (waiting || settled) return;
      for (let chunk = readOne(); chunk !== null; chunk = readOne()) {
        let wait: Promise<void> | undefined;
        try {
          wait = take(chunk);
        } catch (error) {
          return settle(error as Error);
        }
        if (wait) {
          waiting = true;
          wait.then(afterWait, settle);
          return;
        }
        if (over()) return;
      }
    }
    const stopWatching = finished(body, { writable: false }, (error) => {
      ended = error ?? null;
      if (!waiting) settle(ended);
    });
    body.on('readable', readAll);
  });
}
