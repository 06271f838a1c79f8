import { TextDecoder, TextEncoder } from 'node:util';
import { LRUCache } from 'lru-cache';

const NEWLINE = 0x0a;
const SPACE = 0x20;
const NONE = -1;
/**
 * A piece is encoded into one reused buffer when its UTF-8 fits this many bytes; a longer one
 * (a run of symbols without a space) gets a buffer of its own, so none stays resident.
 */
export const SCRATCH_MAX_BYTES = 64 * 1024;
/** Pieces whose lookup is remembered (~0.3 MB at most); the memo starts over when full. */
export const RECENT_PIECES = 4096;

/** FNV-1a over `bytes[start, end)`: spreads the vocabulary's short byte strings over the table. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}

/** UTF-16 code units of the character a UTF-8 lead byte starts, and the continuation bytes it takes. */
function leadByte(byte: number): { units: number; follow: number } {
  if (byte >= 0xf0) return { units: 2, follow: 3 };
  if (byte >= 0xe0) return { units: 1, follow: 2 };
  return { units: 1, follow: 1 };
}

/**
 * The tokens of a `.tiktoken` file (`base64 rank` lines): their bytes end to end in rank order,
 * where each rank starts (an unused rank is empty), and the ranks present.
 */
function readVocabulary(file: Buffer): { bytes: Uint8Array; starts: Uint32Array; ranks: number[] } {
  const lines: { at: number; space: number; rank: number }[] = [];
  let size = 0;
  for (let at = 0; at < file.length;) {
    let end = file.indexOf(NEWLINE, at);
    if (end === NONE) end = file.length;
    const space = file.indexOf(SPACE, at);
    if (space > at && space < end) {
      lines.push({ at, space, rank: Number(file.toString('latin1', space + 1, end)) });
      size += Math.ceil(((space - at) * 3) / 4);
    }
    at = end + 1;
  }
  lines.sort((a, b) => a.rank - b.rank);
  const maxRank = lines.length > 0 ? lines[lines.length - 1].rank : -1;
  const bytes = Buffer.alloc(size);
  const starts = new Uint32Array(maxRank + 2);
  let used = 0;
  let next = 0;
  for (const line of lines) {
    while (next <= line.rank) starts[next++] = used;
    used += bytes.write(file.toString('latin1', line.at, line.space), used, 'base64');
  }
  starts[maxRank + 1] = used;
  // A copy of exactly the bytes written: the estimate above is a little larger.
  return { bytes: bytes.subarray(0, used).slice(), starts, ranks: lines.map((line) => line.rank) };
}

/**
 * A byte-pair encoder over a `.tiktoken` vocabulary (one `base64 rank` line a token) that holds
 * it in three typed arrays: every token's bytes end to end, where each starts, and an
 * open-addressing table from bytes to rank. That is ~4.5 MB for o200k's 200,000 tokens, where
 * a string per token in a `Map` (gpt-tokenizer's layout) held ~15 MB of heap in every process.
 *
 * Text is split by the vocabulary's pre-tokenizer; a piece that is one token is looked up,
 * any other is merged pair by pair (lowest rank first, leftmost on ties) from its UTF-8 bytes.
 * Special-token spellings (`<|endoftext|>`) are ordinary text here: no special token is ever
 * produced. Tokens are looked up by their bytes, as tiktoken does; gpt-tokenizer looks them up
 * as decoded text, which drops a leading byte-order mark, so text with U+FEFF is the one place
 * where its counts differed (by a token or two).
 */
export class BytePairEncoder {
  private readonly bytes: Uint8Array;
  /** Token `rank` is `bytes[starts[rank], starts[rank + 1])`; an unused rank is empty. */
  private readonly starts: Uint32Array;
  /** Rank + 1 at the slot its bytes hash to (then the next slots), 0 where empty. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly utf8 = new TextEncoder();
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private scratch: Uint8Array;
  /** The buffer the last piece was written to (`scratch`, or its own when long). */
  private piece: Uint8Array;
  /** Pieces merged lately (words that are no one token); none kept when the limit is 0. */
  private readonly merged: LRUCache<string, number[]> | undefined;
  /** Pieces seen lately and the token each is (NONE when it is no one token). */
  private readonly recentPieces = new Map<string, number>();

  constructor(
    vocabulary: Buffer,
    private readonly split: RegExp,
    mergeCacheEntries: number,
    private readonly scratchMaxBytes = SCRATCH_MAX_BYTES,
  ) {
    this.merged = mergeCacheEntries > 0 ? new LRUCache({ max: mergeCacheEntries }) : undefined;
    this.scratch = new Uint8Array(Math.min(64, scratchMaxBytes));
    this.piece = this.scratch;
    const { bytes, starts, ranks } = readVocabulary(vocabulary);
    this.bytes = bytes;
    this.starts = starts;
    let slots = 1;
    while (slots < ranks.length * 2.5) slots *= 2;
    this.table = new Int32Array(slots);
    this.mask = slots - 1;
    for (const rank of ranks) {
      let slot = hashBytes(this.bytes, starts[rank], starts[rank + 1]) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = rank + 1;
    }
  }

  /** The tokens of `text`. */
  encode(text: string): number[] {
    const tokens: number[] = [];
    for (const [piece] of text.matchAll(this.split)) {
      const rank = this.wholeRank(piece);
      if (rank !== NONE) tokens.push(rank);
      else for (const token of this.mergePiece(piece)) tokens.push(token);
    }
    this.piece = this.scratch;
    return tokens;
  }

  /** How many tokens `text` has, without listing them. */
  count(text: string): number {
    let count = 0;
    for (const [piece] of text.matchAll(this.split)) {
      count += this.wholeRank(piece) !== NONE ? 1 : this.mergePiece(piece).length;
    }
    this.piece = this.scratch;
    return count;
  }

  /** The text of `tokens` (bytes that are not whole UTF-8 characters decode as U+FFFD). */
  decode(tokens: readonly number[]): string {
    let length = 0;
    for (const token of tokens) length += this.tokenLength(token);
    const out = new Uint8Array(length);
    let at = 0;
    for (const token of tokens) {
      out.set(this.bytes.subarray(this.starts[token], this.starts[token + 1]), at);
      at += this.tokenLength(token);
    }
    return this.decoder.decode(out);
  }

  /**
   * Where each token of `text` ends, in UTF-16 code units of `text`; a token that ends inside
   * a character ends where the last whole character before it does.
   */
  tokenEnds(text: string): number[] {
    const ends: number[] = [];
    let units = 0;
    let pending = 0;
    let pendingUnits = 0;
    for (const token of this.encode(text)) {
      const end = this.starts[token + 1];
      for (let i = this.starts[token]; i < end; i += 1) {
        const byte = this.bytes[i];
        if (byte < 0x80) {
          units += 1;
        } else if (byte >= 0xc0) {
          ({ units: pendingUnits, follow: pending } = leadByte(byte));
        } else if (pending > 0 && (pending -= 1) === 0) {
          units += pendingUnits;
        }
      }
      ends.push(units);
    }
    return ends;
  }

  private tokenLength(token: number): number {
    const start = this.starts[token];
    const end = this.starts[token + 1];
    if (start === undefined || end === undefined) throw new RangeError(`no token ${token}`);
    return end - start;
  }

  /** Writes `piece` as UTF-8 into `this.piece`; returns its length in bytes. */
  private toBytes(piece: string): number {
    const most = piece.length * 3;
    if (most > this.scratchMaxBytes) {
      this.piece = new Uint8Array(most);
    } else {
      if (most > this.scratch.length) this.scratch = new Uint8Array(this.scratchMaxBytes);
      this.piece = this.scratch;
    }
    return this.utf8.encodeInto(piece, this.piece).written;
  }

  /** The rank of the token whose bytes are `bytes[start, end)`, or NONE. */
  private rankOf(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    for (let slot = hashBytes(bytes, start, end) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = this.table[slot];
      if (entry === 0) return NONE;
      const rank = entry - 1;
      const from = this.starts[rank];
      if (this.starts[rank + 1] - from !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i += 1) same = this.bytes[from + i] === bytes[start + i];
      if (same) return rank;
    }
  }

  /**
   * The token a piece of text is, or NONE: looked up by its bytes, and remembered for the
   * last pieces seen (a string-keyed lookup is what makes common words cheap).
   */
  private wholeRank(piece: string): number {
    let rank = this.recentPieces.get(piece);
    if (rank === undefined) {
      rank = this.rankOf(this.piece, 0, this.toBytes(piece));
      if (this.recentPieces.size >= RECENT_PIECES) this.recentPieces.clear();
      this.recentPieces.set(piece, rank);
    }
    return rank;
  }

  /** The tokens of a piece that is no one token, remembered. */
  private mergePiece(piece: string): number[] {
    const known = this.merged?.get(piece);
    if (known) return known;
    const n = this.toBytes(piece);
    const tokens = this.merge(this.piece.slice(0, n));
    this.merged?.set(piece, tokens);
    return tokens;
  }

  /** Byte-pair merges of `piece`: the adjacent pair with the lowest rank first, leftmost on ties. */
  private merge(piece: Uint8Array): number[] {
    const starts: number[] = [];
    const ranks: number[] = [];
    const pairRank = (i: number) =>
      i + 2 < starts.length ? this.rankOf(piece, starts[i], starts[i + 2]) : NONE;
    for (let i = 0; i <= piece.length; i += 1) starts.push(i);
    for (let i = 0; i < piece.length; i += 1) ranks.push(pairRank(i));
    for (;;) {
      let lowest = NONE;
      let at = NONE;
      for (let i = 0; i < ranks.length; i += 1) {
        if (ranks[i] !== NONE && (lowest === NONE || ranks[i] < lowest)) {
          lowest = ranks[i];
          at = i;
        }
      }
      if (at === NONE) break;
      starts.splice(at + 1, 1);
      ranks.splice(at + 1, 1);
      ranks[at] = pairRank(at);
      if (at > 0) ranks[at - 1] = pairRank(at - 1);
    }
    const tokens: number[] = [];
    for (let i = 0; i + 1 < starts.length; i += 1) {
      const rank = this.rankOf(piece, starts[i], starts[i + 1]);
      if (rank === NONE) throw new Error('byte-pair merge left a piece with no token');
      tokens.push(rank);
    }
    return tokens;
  }
}
