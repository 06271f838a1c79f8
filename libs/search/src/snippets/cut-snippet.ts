/** Characters of context kept before the first matched term of a window. */
const LEAD_CHARS = 80;

/** Enough hits to find the best window in any real page, without quadratic work on huge ones. */
const MAX_HITS = 400;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface Hit {
  at: number;
  term: number;
}

/** Where each term starts a word in `text`, in order. */
function findHits(text: string, terms: readonly string[]): Hit[] {
  const lower = text.toLowerCase();
  // Lower-casing that changes lengths (rare scripts) would shift offsets: match case-insensitively.
  const hits = lower.length === text.length ? scan(lower, terms) : match(text, terms);
  return hits.sort((a, b) => a.at - b.at);
}

/** `indexOf` per term, kept where no letter or digit comes just before: no regex to compile. */
function scan(lower: string, terms: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  terms.forEach((term, index) => {
    const needle = term.toLowerCase();
    if (!needle) return;
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      if (hits.length >= MAX_HITS) return;
      if (at === 0 || !WORD_CHAR.test(lower[at - 1])) hits.push({ at, term: index });
    }
  });
  return hits;
}

function match(text: string, terms: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  terms.forEach((term, index) => {
    if (!term) return;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}`, 'giu');
    for (const found of text.matchAll(pattern)) {
      if (hits.length >= MAX_HITS) break;
      hits.push({ at: found.index, term: index });
    }
  });
  return hits;
}

/**
 * The window start (a hit) covering the most distinct terms, then the most hits; earliest on
 * ties. One sliding pass with a count per term.
 */
function bestWindowStart(hits: Hit[], width: number, termCount: number): number {
  const counts = new Array<number>(termCount).fill(0);
  let best = { at: hits[0].at, distinct: 0, count: 0 };
  let distinct = 0;
  let end = 0;
  for (let start = 0; start < hits.length; start += 1) {
    while (end < hits.length && hits[end].at < hits[start].at + width) {
      if (counts[hits[end].term]++ === 0) distinct += 1;
      end += 1;
    }
    const count = end - start;
    if (distinct > best.distinct || (distinct === best.distinct && count > best.count)) {
      best = { at: hits[start].at, distinct, count };
    }
    if (--counts[hits[start].term] === 0) distinct -= 1;
  }
  return best.at;
}

/** Moves a cut forward to the next word start (or keeps it at a sentence start). */
function snapStart(text: string, at: number): number {
  if (at <= 0) return 0;
  const sentence = text.lastIndexOf('. ', at);
  if (sentence >= 0 && at - sentence <= LEAD_CHARS / 2) return sentence + 2;
  const space = text.indexOf(' ', at);
  return space < 0 ? at : space + 1;
}

function snapEnd(text: string, at: number, start: number): number {
  if (at >= text.length) return text.length;
  const space = text.lastIndexOf(' ', at);
  return space > start ? space : at;
}

/**
 * Cuts `text` to about `maxChars` around the densest cluster of query terms, on
 * word boundaries, with `…` where text was left out. With no term found it keeps the start.
 */
export function cutSnippet(text: string, terms: readonly string[], maxChars: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const hits = findHits(clean, terms);
  const lead = Math.min(LEAD_CHARS, Math.floor(maxChars / 4));
  const anchor = hits.length > 0 ? bestWindowStart(hits, maxChars - lead, terms.length) : 0;
  // Never waste the window past the end of the text.
  const start = snapStart(clean, Math.min(Math.max(0, anchor - lead), clean.length - maxChars));
  const end = snapEnd(clean, start + maxChars, start);
  const body = clean.slice(start, end).trim();
  return `${start > 0 ? '…' : ''}${body}${end < clean.length ? '…' : ''}`;
}
