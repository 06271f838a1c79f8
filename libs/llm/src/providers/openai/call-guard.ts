import { LlmUpstreamError } from './llm-upstream.error';
import { errorFromException } from './upstream-failure';

export interface CallLimits {
  /** The whole call, retries included. */
  timeoutMs: number;
  /** Longest silence while waiting for bytes; `undefined` for a non-streaming call. */
  idleTimeoutMs?: number;
}

type StopReason = 'cancelled' | 'idle' | 'deadline';

/**
 * One logical LLM call's abort signal and timers. Whoever stops the call
 * (caller's signal, unsubscribe, idle timer, deadline) aborts the same signal,
 * so axios tears down the HTTP request; `toError` then says why in the caller's terms.
 */
export class CallGuard {
  private readonly controller = new AbortController();
  private readonly deadlineTimer: NodeJS.Timeout;
  private readonly deadlineAt: number;
  private idleTimer: NodeJS.Timeout | undefined;
  private stopReason: StopReason | undefined;
  private readonly onParentAbort = () => this.stop('cancelled');

  constructor(
    private readonly where: string,
    private readonly limits: CallLimits,
    private readonly parent?: AbortSignal,
  ) {
    this.deadlineAt = Date.now() + limits.timeoutMs;
    this.deadlineTimer = setTimeout(() => this.stop('deadline'), limits.timeoutMs);
    if (parent?.aborted) this.stop('cancelled');
    else parent?.addEventListener('abort', this.onParentAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Milliseconds left before the deadline. */
  get remainingMs(): number {
    return this.deadlineAt - Date.now();
  }

  /** Something arrived (or an attempt starts): restart the idle timer. */
  touch(): void {
    if (this.limits.idleTimeoutMs === undefined || this.stopReason) return;
    // Restarts the same timer: this runs for every chunk of every open stream.
    if (this.idleTimer) this.idleTimer.refresh();
    else this.idleTimer = setTimeout(() => this.stop('idle'), this.limits.idleTimeoutMs);
  }

  /** The consumer, not the upstream, is slow: stop the idle timer until the next `touch`. */
  holdIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  /** The consumer went away (unsubscribe). */
  cancel(): void {
    this.stop('cancelled');
  }

  dispose(): void {
    clearTimeout(this.deadlineTimer);
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.parent?.removeEventListener('abort', this.onParentAbort);
  }

  /** What to report for `error`: a 504 when our timers stopped the call, else the upstream's failure. */
  toError(error: unknown): unknown {
    switch (this.stopReason) {
      case 'idle':
        return new LlmUpstreamError(
          `LLM upstream (${this.where}) sent nothing for ${this.limits.idleTimeoutMs} ms`,
          { status: 504, code: 'upstream_timeout' },
        );
      case 'deadline':
        return new LlmUpstreamError(
          `LLM upstream (${this.where}) did not finish within ${this.limits.timeoutMs} ms`,
          { status: 504, code: 'upstream_timeout' },
        );
      case 'cancelled':
        return this.parent?.reason ?? new DOMException('The LLM call was cancelled', 'AbortError');
      default:
        return errorFromException(this.where, error);
    }
  }

  private stop(reason: StopReason): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    this.dispose();
    this.controller.abort(reason);
  }
}
