import { setMaxListeners } from 'node:events';
import { Injectable } from '@nestjs/common';
import { Metrics, ServiceUnavailableError } from '@answergate/common';
import { InFlightCounter } from './in-flight-counter';

/**
 * Shutdown state, in two steps. Draining: readiness fails and every response closes its
 * connection, while requests are still served. Refusing: new requests get 503. Answers and
 * requests in flight are counted down so they may finish.
 */
@Injectable()
export class DrainService {
  private isDraining = false;
  private isRefusing = false;
  private readonly answers = new InFlightCounter();
  private readonly requests = new InFlightCounter();
  private readonly interrupt = new AbortController();

  constructor(private readonly metrics: Metrics) {
    // Every open stream listens on this one signal (and lets go when it ends): thousands at
    // once are expected, not a leak, so Node's warning at 11 listeners would only be noise.
    setMaxListeners(0, this.interrupt.signal);
  }

  get draining(): boolean {
    return this.isDraining;
  }

  get refusing(): boolean {
    return this.isRefusing;
  }

  /** Answers (streamed or not) in flight. */
  get streams(): number {
    return this.answers.count;
  }

  /** HTTP requests of any kind in flight. */
  get inFlight(): number {
    return this.requests.count;
  }

  begin(): void {
    this.isDraining = true;
  }

  refuse(): void {
    this.isDraining = true;
    this.isRefusing = true;
  }

  /** Aborted when the grace period ends: each stream still open ends with its reason as an event. */
  get streamsStop(): AbortSignal {
    return this.interrupt.signal;
  }

  /** Ends every open stream with a final `server_shutting_down` error event. */
  interruptStreams(): void {
    this.interrupt.abort(
      new ServiceUnavailableError(
        'The server is shutting down and ended this stream; retry the request.',
        'server_shutting_down',
      ),
    );
  }

  /**
   * Counts one answer in flight (SSE streams also on the active-streams gauge);
   * call the returned function once when it ends.
   */
  track(isStream: boolean): () => void {
    const end = this.answers.add();
    if (!isStream) return end;
    this.metrics.activeStreams.inc();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.metrics.activeStreams.dec();
      end();
    };
  }

  /** Counts one HTTP request until its response closes; call the returned function then. */
  trackRequest(): () => void {
    return this.requests.add();
  }

  /** Resolves true when every answer ended, false if `timeoutMs` passed first. */
  whenStreamsEnd(timeoutMs: number): Promise<boolean> {
    return this.answers.whenIdle(timeoutMs);
  }

  /** Resolves true when every HTTP request ended, false if `timeoutMs` passed first. */
  whenRequestsEnd(timeoutMs: number): Promise<boolean> {
    return this.requests.whenIdle(timeoutMs);
  }
}
