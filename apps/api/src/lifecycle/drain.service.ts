import { Injectable } from '@nestjs/common';
import { Metrics, ServiceUnavailableError } from '@answergate/common';

/**
 * Shutdown state: once draining, readiness fails and new requests get 503, while
 * the streams already open are counted down so they may finish.
 */
@Injectable()
export class DrainService {
  private isDraining = false;
  private openStreams = 0;
  private idleWaiters: Array<() => void> = [];
  private readonly interrupt = new AbortController();

  constructor(private readonly metrics: Metrics) {}

  get draining(): boolean {
    return this.isDraining;
  }

  get streams(): number {
    return this.openStreams;
  }

  begin(): void {
    this.isDraining = true;
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
    this.openStreams += 1;
    if (isStream) this.metrics.activeStreams.inc();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.openStreams -= 1;
      if (isStream) this.metrics.activeStreams.dec();
      if (this.openStreams === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
    };
  }

  /** Resolves true when every stream ended, false if `timeoutMs` passed first. */
  whenStreamsEnd(timeoutMs: number): Promise<boolean> {
    if (this.openStreams === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
