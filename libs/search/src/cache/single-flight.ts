import { abortReason } from '../abort';

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

/**
 * Concurrent calls with the same key share one execution of `work`. Each caller
 * may abort on its own; the shared work is aborted only when every caller has gone.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Flight<T>>();

  get size(): number {
    return this.flights.size;
  }

  run(key: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const flight = this.flights.get(key) ?? this.start(key, work);
    flight.waiters += 1;
    if (!signal) return flight.promise;

    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        this.leave(key, flight, signal);
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: Error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  private start(key: string, work: (signal: AbortSignal) => Promise<T>): Flight<T> {
    const controller = new AbortController();
    const flight: Flight<T> = { controller, waiters: 0, promise: undefined as never };
    flight.promise = Promise.resolve()
      .then(() => work(controller.signal))
      .finally(() => {
        if (this.flights.get(key) === flight) this.flights.delete(key);
      });
    // Callers that left already saw their own rejection; keep this one from being unhandled.
    flight.promise.catch(() => undefined);
    this.flights.set(key, flight);
    return flight;
  }

  private leave(key: string, flight: Flight<T>, signal: AbortSignal): void {
    flight.waiters -= 1;
    if (flight.waiters > 0) return;
    if (this.flights.get(key) === flight) this.flights.delete(key);
    flight.controller.abort(abortReason(signal));
  }
}
