/**
 * A value computed at most once: in the event loop's next turn after `soon()`, or when first
 * read, whichever comes first. An answer's usage counts are started with its first token, so
 * they are done in the idle time between tokens rather than between its last token and its end.
 */
export class IdleValue<T> {
  private computed: { value: T } | undefined;
  private timer: NodeJS.Immediate | undefined;

  constructor(private readonly compute: () => T) {}

  /** Computes the value in the next turn of the event loop, unless read before. */
  soon(): void {
    if (!this.computed) this.timer ??= setImmediate(() => this.get());
  }

  get(): T {
    this.cancel();
    return (this.computed ??= { value: this.compute() }).value;
  }

  /** Drops a computation `soon()` scheduled (the answer was abandoned). */
  cancel(): void {
    clearImmediate(this.timer);
  }
}
