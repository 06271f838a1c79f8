import { o200k } from './o200k';

/**
 * Text is counted in pieces of at most this many characters. BPE's cost grows with the square
 * of a pre-tokenizer piece's length (an 80,000-character run without a space takes seconds),
 * so an unbroken run is never handed to it whole.
 */
export const COUNT_PIECE_CHARS = 2048;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where `text` (longer than `limit`) may be cut at or before `limit`. Before a space that
 * follows a letter or digit the cut is exact: o200k's pre-tokenizer ends a piece there
 * whatever follows, so both sides count as they would together. A run with no such space
 * is cut at `limit` (never inside a surrogate pair): the count may then differ by a token
 * per cut, which an estimate can afford.
 */
function cutAt(text: string, limit: number): number {
  for (let i = limit; i > 0; i -= 1) {
    if (text.charCodeAt(i) === 0x20 && WORD_CHAR.test(text[i - 1])) return i;
  }
  const last = text.charCodeAt(limit - 1);
  return last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit;
}

/** Pieces held before they are joined into one string: bounds the small strings kept. */
const MAX_PARTS = 64;

/**
 * Counts the tokens (o200k) of text that arrives in pieces, holding at most about
 * `COUNT_PIECE_CHARS` characters of it: a streamed answer is counted without being kept.
 * Nothing is tokenized until that much has arrived, so a short answer whose upstream
 * reports its own usage costs no tokenizing at all.
 */
export class TokenCounter {
  private counted = 0;
  private parts: string[] = [];
  private chars = 0;

  push(text: string): void {
    if (!text) return;
    this.parts.push(text);
    this.chars += text.length;
    if (this.chars > COUNT_PIECE_CHARS) this.countAhead();
    else if (this.parts.length >= MAX_PARTS) this.parts = [this.parts.join('')];
  }

  /** Tokens in everything pushed so far. */
  get total(): number {
    return this.counted + (this.chars ? o200k.count(this.parts.join('')) : 0);
  }

  /** Counts all but the last piece's worth, cutting where the count stays exact. */
  private countAhead(): void {
    let tail = this.parts.join('');
    while (tail.length > COUNT_PIECE_CHARS) {
      const cut = cutAt(tail, COUNT_PIECE_CHARS);
      this.counted += o200k.count(tail.slice(0, cut));
      tail = tail.slice(cut);
    }
    this.parts = [tail];
    this.chars = tail.length;
  }
}

/** Tokens in `text`, counted piece by piece (see `TokenCounter`). */
export function countTextTokens(text: string): number {
  if (text.length <= COUNT_PIECE_CHARS) return text ? o200k.count(text) : 0;
  const counter = new TokenCounter();
  counter.push(text);
  return counter.total;
}
