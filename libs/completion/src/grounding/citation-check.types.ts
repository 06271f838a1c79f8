export type CitationCheckMode = 'flag' | 'strip' | 'off';

/** One marker its source does not support, or that points at no source. */
export interface UnsupportedCitation {
  /** The sentence's position in the answer, from 0. */
  sentenceIndex: number;
  /** The source number the marker named. */
  marker: number;
  reason: string;
}

/** What the check found over a whole answer. */
export interface CitationCheckReport {
  /** Markers checked (one per source a sentence cites). */
  checked: number;
  supported: number;
  /** The first 100 (`MAX_LISTED_UNSUPPORTED`); `checked - supported` counts them all. */
  unsupported: UnsupportedCitation[];
}

/** `outcome` of one checked marker, for metrics. */
export type CitationOutcome = 'supported' | 'unsupported' | 'out_of_range';
