/**
 * Backpressure between a response and whatever feeds it. The writer closes the gate
 * when `res.write` returns false and opens it on `drain` (or when the client is gone);
 * the producer awaits `whenOpen()` before reading more from its upstream, so a slow
 * reader holds at most the socket's buffers plus one upstream chunk.
 */
export class WriteGate {
  private opened: Promise<void> | undefined;
  private release: (() => void) | undefined;

  /** `undefined` while open (the common case costs no promise), else resolves on opening. */
  readonly whenOpen = (): Promise<void> | undefined => this.opened;

  get isOpen(): boolean {
    return this.opened === undefined;
  }

  close(): void {
    this.opened ??= new Promise<void>((resolve) => (this.release = resolve));
  }

  open(): void {
    const release = this.release;
    this.opened = undefined;
    this.release = undefined;
    release?.();
  }
}
