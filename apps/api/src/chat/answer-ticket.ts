/**
 * What an admitted answer holds (its stream slot, its place in the drain count),
 * given back exactly once however the answer ends. Cleanups added after `end()`
 * run at once, so a client that leaves while a slot is being taken leaks nothing.
 */
export class AnswerTicket {
  private readonly cleanups: Array<() => void> = [];
  private isEnded = false;

  /** @param stop aborted when the server stops open answers (the end of the shutdown grace period) */
  constructor(readonly stop: AbortSignal) {}

  get ended(): boolean {
    return this.isEnded;
  }

  hold(cleanup: () => void): void {
    if (this.isEnded) cleanup();
    else this.cleanups.push(cleanup);
  }

  readonly end = (): void => {
    if (this.isEnded) return;
    this.isEnded = true;
    this.cleanups.splice(0).forEach((cleanup) => cleanup());
  };
}
