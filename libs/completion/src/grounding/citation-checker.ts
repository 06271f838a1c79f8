import { splitSentences } from '@answergate/text';
import type {
  CitationCheckReport,
  CitationOutcome,
  UnsupportedCitation,
} from './citation-check.types';
import {
  citedNumbers,
  partialMarkerStart,
  removeMarkers,
  withoutMarkers,
} from './citation-markers';
import { evidenceOf, judgeSentence, type SourceEvidence } from './citation-support';

const BOUNDARY = /[.!?]+["'”’)\]]*(?:[ \t]*\[\d{1,4}(?:\s*,\s*\d{1,4})*\])*(?=\s+[^\s\p{Ll}])|\n/gu;

/**
 * The longest run of text without a sentence end that is held as one sentence. Past it, the
 * text is checked (and, in strip mode, sent) up to its last space: an answer that never ends
 * a sentence is neither kept whole nor rescanned from its start on every delta.
 */
export const MAX_SENTENCE_CHARS = 2000;

/**
 * Unsupported markers listed in the report; `checked` and `supported` still count them all.
 * A long answer's report would otherwise grow with every sentence while it streams.
 */
export const MAX_LISTED_UNSUPPORTED = 100;

/** Where the text's complete sentences end: the next sentence must have started. */
function completeUpTo(text: string): number {
  let end = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const at = match.index + match[0].length;
    if (/^\s*[^\s[]/.test(text.slice(at, at + 64))) end = at;
  }
  return end;
}

/** Where an over-long run is cut: after its last space before the limit, never inside a marker. */
function forcedCut(text: string): number {
  const head = text.slice(0, MAX_SENTENCE_CHARS);
  const space = head.search(/\s\S*$/);
  let cut = space > 0 ? space + 1 : MAX_SENTENCE_CHARS;
  cut = partialMarkerStart(text.slice(0, cut)) || cut;
  const last = text.charCodeAt(cut - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut - 1 : cut;
}

/** The length of `text`'s leading part that is ready to check: whole sentences, or a forced cut. */
function readyUpTo(text: string): number {
  const end = completeUpTo(text);
  if (end > 0 || text.length <= MAX_SENTENCE_CHARS) return end;
  return forcedCut(text);
}

/** Whether `text` from `from` on has a character that a sentence end needs (see BOUNDARY). */
function endCharFrom(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a) return i;
  }
  return -1;
}

/**
 * `readyUpTo` for text that grows at its end between calls and is cut at its start: the
 * scan for sentence ends runs only once the text has a character one needs, not on every
 * delta of a sentence. `cut()` after the text lost its start.
 */
class ReadyScanner {
  /** The text before this index holds none of `.!?` or a line break. */
  private clean = 0;

  upTo(text: string): number {
    if (text.length <= MAX_SENTENCE_CHARS) {
      const at = endCharFrom(text, this.clean);
      this.clean = at === -1 ? text.length : at;
      if (at === -1) return 0;
    }
    return readyUpTo(text);
  }

  cut(): void {
    this.clean = 0;
  }
}

/**
 * Checks an answer's citations sentence by sentence as it streams. Markers naming no source
 * are always removed; in `strip` mode unsupported ones are removed too, so text is held
 * until its sentence is complete; in `flag` mode text passes at once (only a marker being
 * written is held) and the report tells which markers lack support.
 */
export class CitationChecker {
  readonly report: CitationCheckReport = { checked: 0, supported: 0, unsupported: [] };
  private pending = '';
  private unchecked = '';
  private sentences = 0;
  private readonly evidence = new Map<number, SourceEvidence>();
  /** Sentence ends in `pending` (strip mode) or `unchecked` (flag mode). */
  private readonly ready = new ReadyScanner();

  constructor(
    private readonly sourceTexts: readonly string[],
    private readonly mode: 'flag' | 'strip',
    private readonly record: (outcome: CitationOutcome) => void = () => undefined,
    /** Where a source's evidence comes from (a cache shared by all answers, in the app). */
    private readonly evidenceOfText: (text: string) => SourceEvidence = evidenceOf,
  ) {}

  /** Takes the next piece of the answer; returns the text that may be sent now. */
  push(delta: string): string {
    this.pending += delta;
    if (this.mode === 'strip') {
      let out = '';
      for (let end = this.ready.upTo(this.pending); end > 0; end = this.ready.upTo(this.pending)) {
        out += this.check(this.pending.slice(0, end));
        this.pending = this.pending.slice(end);
        this.ready.cut();
      }
      return out;
    }
    // A marker being written, and the space before it, wait for the marker to end.
    const held = partialMarkerStart(this.pending);
    let cut = this.pending.slice(0, held).trimEnd().length;
    if (held - cut > MAX_SENTENCE_CHARS) cut = held; // a flood of spaces is not held
    const ready = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    this.unchecked += ready;
    for (
      let end = this.ready.upTo(this.unchecked);
      end > 0;
      end = this.ready.upTo(this.unchecked)
    ) {
      this.check(this.unchecked.slice(0, end));
      this.unchecked = this.unchecked.slice(end);
      this.ready.cut();
    }
    // Text without a `[` has no marker to remove.
    return ready.includes('[') ? removeMarkers(ready, this.outOfRange(ready)) : ready;
  }

  /** The answer has ended: checks what is left and returns the text still to send. */
  end(): string {
    const rest = this.pending;
    this.pending = '';
    if (this.mode === 'strip') return rest ? this.check(rest) : '';
    this.unchecked += rest;
    if (this.unchecked) this.check(this.unchecked);
    this.unchecked = '';
    return removeMarkers(rest, this.outOfRange(rest));
  }

  private outOfRange(text: string): Set<number> {
    return new Set(citedNumbers(text).filter((n) => n < 1 || n > this.sourceTexts.length));
  }

  /** Checks the sentences of `text`; returns it with the markers to remove removed. */
  private check(text: string): string {
    let out = '';
    let from = 0;
    for (const sentence of splitSentences(text)) {
      const remove = this.checkSentence(sentence.text, this.sentences++);
      out += text.slice(from, sentence.start) + removeMarkers(sentence.text, remove);
      from = sentence.end;
    }
    return out + text.slice(from);
  }

  private checkSentence(sentence: string, index: number): Set<number> {
    const remove = new Set<number>();
    const cited = new Map<number, SourceEvidence>();
    for (const marker of citedNumbers(sentence)) {
      if (marker >= 1 && marker <= this.sourceTexts.length) {
        cited.set(marker, this.evidenceFor(marker));
        continue;
      }
      this.report.checked += 1;
      this.list({ sentenceIndex: index, marker, reason: `there is no source [${marker}]` });
      this.record('out_of_range');
      remove.add(marker);
    }
    if (cited.size === 0) return remove;
    for (const [marker, reason] of judgeSentence(withoutMarkers(sentence), cited)) {
      this.report.checked += 1;
      if (reason === null) {
        this.report.supported += 1;
        this.record('supported');
      } else {
        this.list({ sentenceIndex: index, marker, reason });
        this.record('unsupported');
        if (this.mode === 'strip') remove.add(marker);
      }
    }
    return remove;
  }

  private list(unsupported: UnsupportedCitation): void {
    if (this.report.unsupported.length < MAX_LISTED_UNSUPPORTED) {
      this.report.unsupported.push(unsupported);
    }
  }

  private evidenceFor(marker: number): SourceEvidence {
    let found = this.evidence.get(marker);
    if (!found) {
      found = this.evidenceOfText(this.sourceTexts[marker - 1]);
      this.evidence.set(marker, found);
    }
    return found;
  }
}
