/** Characters of context kept before the first matched term of a window. */
const LEAD_CHARS = 80;

/** Enough hits to find the best window in any real page, without quadratic work on huge ones. */
const MAX_HITS = 400;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Hit {
  at: number;
  term: number;
}

/** Where each term starts a word in `text`, in order. */
function findHits(text: string, terms: readonly string[]): Hit[] {
  const hits: Hit[] = [];
  terms.forEach((term, index) => {
    if (!term) return;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}`, 'giu');
    for (const match of text.matchAll(pattern)) {
      if (hits.length >= MAX_HITS) break;
      hits.push({ at: match.index, term: index });
    }
  });
  return hits.sort((a, b) => a.at - b.at);
}

/** The window start (a hit) covering the most distinct terms, then the most hits; earliest on ties. */
function bestWindowStart(hits: Hit[], width: number): number {
  let best = { at: hits[0].at, distinct: 0, count: 0 };
  let end = 0;
  for (let start = 0; start < hits.length; start += 1) {
    while (end < hits.length && hits[end].at < hits[start].at + width) end += 1;
    const window = hits.slice(start, end);
    const distinct = new Set(window.map((hit) => hit.term)).size;
    if (distinct > best.distinct || (distinct === best.distinct && window.length > best.count)) {
      best = { at: hits[start].at, distinct, count: window.length };
    }
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
  const anchor = hits.length > 0 ? bestWindowStart(hits, maxChars - lead) : 0;
  // Never waste the window past the end of the text.
  const start = snapStart(clean, Math.min(Math.max(0, anchor - lead), clean.length - maxChars));
  const end = snapEnd(clean, start + maxChars, start);
  const body = clean.slice(start, end).trim();
  return `${start > 0 ? '…' : ''}${body}${end < clean.length ? '…' : ''}`;
}
