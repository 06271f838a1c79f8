/**
 * The keys (see `entityKey`) of values that passed validation, the most recent `capacity`
 * of them. A key is remembered only after a value passed, so a value is refused exactly
 * as often as it is sent, every time by the validator itself.
 */
export class ValidEntities {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity = 512) {}

  has(key: string): boolean {
    return this.keys.has(key);
  }

  add(key: string): void {
    if (this.keys.has(key)) return;
    if (this.keys.size >= this.capacity) {
      // A Set iterates in insertion order: the first key is the oldest.
      const oldest = this.keys.values().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    this.keys.add(key);
  }

  get size(): number {
    return this.keys.size;
  }
}
