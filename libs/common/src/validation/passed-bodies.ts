/**
 * The DTOs made from bodies that passed validation, by the body's key (see `entityKey`),
 * the most recent `capacity` of them. Only bodies that passed are kept, so a body is
 * refused exactly as often as it is sent, every time by the validator itself.
 */
export class PassedBodies {
  private readonly dtos = new Map<string, object>();

  constructor(private readonly capacity = 512) {}

  get(key: string): object | undefined {
    return this.dtos.get(key);
  }

  set(key: string, dto: object): void {
    if (this.dtos.has(key)) return;
    if (this.dtos.size >= this.capacity) {
      // A Map iterates in insertion order: the first key is the oldest.
      const oldest = this.dtos.keys().next().value;
      if (oldest !== undefined) this.dtos.delete(oldest);
    }
    this.dtos.set(key, dto);
  }

  get size(): number {
    return this.dtos.size;
  }
}
