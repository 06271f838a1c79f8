import { cutPassages, scorePassages } from '@answergate/text';

/** What one source offers: its text (a page, a document, or a snippet), in rank order. */
export interface SourceText {
  text: string;
}

interface Candidate {
  source: number;
  position: number;
  text: string;
  score: number;
}

/** A page's text beyond this is not cut into passages: far past what any budget takes. */
const MAX_SOURCE_CHARS = 100_000;
/**
 * Marks text left out, between passages and after a cut. Three ASCII dots, not `…`: one
 * character above U+00FF makes V8 store the whole string with two bytes a character, and
 * every open answer holds its passages until it ends.
 */
export const OMISSION = '...';
const PASSAGE_GAP = `\n${OMISSION}\n`;

/** The passages of each source worth offering, best first; the lead passage when none matches. */
function candidatesBySource(question: string, passages: readonly string[][]): Candidate[][] {
  const all: Candidate[] = [];
  const bySource: Candidate[][] = passages.map((texts, index) =>
    texts.map((text, position) => {
      const candidate = { source: index, position, text, score: 0 };
      all.push(candidate);
      return candidate;
    }),
  );
  const scores = scorePassages(
    question,
    all.map((candidate) => candidate.text),
  );
  all.forEach((candidate, i) => (candidate.score = scores[i]));
  return bySource.map((list) => {
    const matching = list
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score || a.position - b.position);
    return matching.length > 0 ? matching : list.slice(0, 1);
  });
}

/** The first `maxTokens` or so of `text`, cut at a space (a share when a passage is too long). */
function cutToTokens(text: string, maxTokens: number, count: (text: string) => number): string {
  let cut = text.slice(0, maxTokens * 4);
  while (cut && count(cut) > maxTokens) cut = cut.slice(0, Math.floor(cut.length * 0.8));
  const space = cut.lastIndexOf(' ');
  return `${space > cut.length / 2 ? cut.slice(0, space) : cut}${OMISSION}`;
}

/**
 * True when every source is one passage at most and all of them fit the budget: then each
 * keeps its passage, and nothing needs scoring (snippets, when pages are not read, are the
 * common case). Their UTF-8 bytes are tried first, as a token is at least one byte; tokens are
 * counted only when the bytes do not fit.
 */
function allFitWhole(
  passages: readonly string[][],
  budgetTokens: number,
  count: (text: string) => number,
): boolean {
  let bytes = 0;
  for (const texts of passages) {
    if (texts.length > 1) return false;
    if (texts.length === 1) bytes += Buffer.byteLength(texts[0]);
  }
  if (bytes <= budgetTokens) return true;
  let tokens = 0;
  for (const texts of passages) {
    if (texts.length === 1) tokens += count(texts[0]);
    if (tokens > budgetTokens) return false;
  }
  return true;
}

/**
 * Fills a token budget with the passages that best match the question, spread across the
 * sources: in rounds, each source adds its next best passage while it fits, so one long page
 * cannot crowd out the rest. A source whose best passage is longer than its fair share in the
 * first round gets that passage cut to the share. Returns each source's text in page order.
 */
export function selectPassages(
  question: string,
  sources: readonly SourceText[],
  budgetTokens: number,
  count: (text: string) => number,
): string[] {
  const passages = sources.map((source) => cutPassages(source.text.slice(0, MAX_SOURCE_CHARS)));
  if (allFitWhole(passages, budgetTokens, count)) return passages.map((texts) => texts[0] ?? '');
  const candidates = candidatesBySource(question, passages);
  const chosen: Candidate[][] = sources.map(() => []);
  const done = new Set<number>();
  const share = Math.floor(budgetTokens / Math.max(1, sources.length));
  let left = budgetTokens;
  for (let round = 0; done.size < sources.length; round += 1) {
    for (let source = 0; source < sources.length; source += 1) {
      if (done.has(source)) continue;
      const next = candidates[source][round];
      if (!next || left <= 0) {
        done.add(source);
        continue;
      }
      let tokens = count(next.text);
      let picked = next;
      if (tokens > left && round === 0 && share > 0) {
        picked = { ...next, text: cutToTokens(next.text, Math.min(share, left), count) };
        tokens = count(picked.text);
      }
      if (tokens > left) {
        done.add(source);
        continue;
      }
      chosen[source].push(picked);
      left -= tokens;
    }
  }
  return chosen.map((list) =>
    list
      .sort((a, b) => a.position - b.position)
      .map((c) => c.text)
      .join(PASSAGE_GAP),
  );
}
