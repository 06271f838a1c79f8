/** Counts work in flight, and wakes those waiting for the count to reach zero. */
export class InFlightCounter {
  private open = 0;
  private idleWaiters: Array<() => void> = [];

  get count(): number {
    return this.open;
  }

  /** Counts one piece of work; the returned function ends it (once, however often it is called). */
  add(): () => void {
    this.open += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.open -= 1;
      if (this.open === 0) this.idleWaiters.splice(0).forEach((wake) => wake());
    };
  }

  /** Resolves true when nothing is in flight, false if `timeoutMs` passed first. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.open === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
