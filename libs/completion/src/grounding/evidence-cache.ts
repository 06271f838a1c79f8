import { evidenceOf, type SourceEvidence } from './citation-support';

/**
 * The evidence of recently cited source texts, shared by every answer. Answers to the same
 * question (a search cache hit) cite the same passages: their evidence (word sets, a few KB
 * a source) is built once and held once, not once per open stream. Least recently used
 * entries go first.
 */
export class EvidenceCache {
  private readonly entries = new Map<string, SourceEvidence>();

  constructor(private readonly capacity = 128) {}

  get size(): number {
    return this.entries.size;
  }

  /** The evidence of `text`, built on first use. */
  of(text: string): SourceEvidence {
    let found = this.entries.get(text);
    if (found) {
      this.entries.delete(text);
    } else {
      found = evidenceOf(text);
      if (this.entries.size >= this.capacity) {
        this.entries.delete(this.entries.keys().next().value as string);
      }
    }
    this.entries.set(text, found);
    return found;
  }
}
