/**
 * The objects still alive somewhere, by a text they hold (a snippet, a passage): an object
 * made again with the same content can be swapped for the live one, so answers whose
 * searches found the same pages hold one copy of each, not one each. Only weak references
 * are kept: an object no one else holds is collected, and its entry removed after it.
 */
export class LiveCopies<T extends object> {
  private readonly byText = new Map<string, WeakRef<T>>();
  private readonly gone = new FinalizationRegistry<{ text: string; ref: WeakRef<T> }>(
    ({ text, ref }) => {
      if (this.byText.get(text) === ref) this.byText.delete(text);
    },
  );

  /** `same` tells whether two objects with the same `text` are equal in everything else. */
  constructor(private readonly same: (a: T, b: T) => boolean) {}

  /** The live copy of `made` (keyed by `text`, a string `made` holds), or `made`, kept from now on. */
  share(text: string, made: T): T {
    const ref = this.byText.get(text);
    const live = ref?.deref();
    if (live && this.same(live, made)) return live;
    if (live) return made; // the same text in an object that differs: the first stays shared
    const mine = new WeakRef(made);
    this.byText.set(text, mine);
    this.gone.register(made, { text, ref: mine });
    return made;
  }

  /** How many texts have a live entry (for tests). */
  get size(): number {
    return this.byText.size;
  }
}
