/** OpenAI's `url_citation` annotation: a `[n]` marker at [start_index, end_index) of the text. */
export interface UrlCitationAnnotation {
  type: 'url_citation';
  url_citation: { url: string; title: string; start_index: number; end_index: number };
}

export interface CitedSource {
  url: string;
  title: string;
}

const MARKER = /\[(\d{1,3})\]/g;
/** An unclosed marker at the end of a delta, e.g. `[1` or `[`: it may close in the next one. */
const OPEN_TAIL = /\[\d{0,3}$/;

/**
 * Finds `[n]` markers in an answer that arrives in pieces, and turns each one that names
 * a source into a `url_citation` with its offsets in the whole text. A marker split over
 * two deltas is reported with the delta that completes it. Keeps only the unclosed tail,
 * not the text, so a long stream costs no memory here.
 */
export class UrlCitationScanner {
  private consumed = 0;
  private tail = '';

  constructor(private readonly sources: readonly CitedSource[]) {}

  /** The annotations completed by `delta` (empty when none). */
  push(delta: string): UrlCitationAnnotation[] {
    if (this.tail === '' && !delta.includes('[')) {
      this.consumed += delta.length;
      return [];
    }
    const text = this.tail + delta;
    const base = this.consumed - this.tail.length;
    this.consumed += delta.length;
    const found: UrlCitationAnnotation[] = [];
    for (const match of text.matchAll(MARKER)) {
      const source = this.sources[Number(match[1]) - 1];
      if (!source) continue;
      const start = base + match.index;
      found.push(urlCitation(source, start, start + match[0].length));
    }
    this.tail = OPEN_TAIL.exec(text)?.[0] ?? '';
    return found;
  }
}

export function urlCitation(
  source: CitedSource,
  startIndex: number,
  endIndex: number,
): UrlCitationAnnotation {
  return {
    type: 'url_citation',
    url_citation: {
      url: source.url,
      title: source.title || source.url,
      start_index: startIndex,
      end_index: endIndex,
    },
  };
}

/** Every citation of a complete answer. */
export function urlCitations(
  text: string,
  sources: readonly CitedSource[],
): UrlCitationAnnotation[] {
  return new UrlCitationScanner(sources).push(text);
}
