/**
 * Lets one 401 line through per window and counts the rest, so a flood of wrong
 * keys costs one log line per window, which says how many it stood for.
 */
export class AuthFailureLogSampler {
  private windowEndsAt = 0;
  private suppressed = 0;

  constructor(private readonly windowMs = 10_000) {}

  /** The number of 401s left unlogged since the last line when this one is to be logged, else undefined. */
  sample(now = Date.now()): number | undefined {
    if (now < this.windowEndsAt) {
      this.suppressed += 1;
      return undefined;
    }
    this.windowEndsAt = now + this.windowMs;
    const skipped = this.suppressed;
    this.suppressed = 0;
    return skipped;
  }
}
