/** One dispatched server-sent event. `event` is absent for the default `message` type. */
export interface SseEvent {
  event?: string;
  data: string;
}

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;
const EMPTY = Buffer.alloc(0);

/** Whether `bytes[start, colon)` is the ASCII field name `name`. */
function fieldIs(bytes: Buffer, start: number, colon: number, name: string): boolean {
  if (colon - start !== name.length) return false;
  for (let i = 0; i < name.length; i += 1) {
    if (bytes[start + i] !== name.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Incremental decoder for a `text/event-stream` body (the WHATWG SSE rules), one event at a
 * time: `push` a chunk, then call `next` until it returns undefined. Chunks may split
 * anywhere: inside a line, between `\r` and `\n`, or inside a multi-byte UTF-8 character;
 * comments (keep-alives) and `id`/`retry` are dropped; an event the stream ends before its
 * blank line is never dispatched.
 *
 * It works on the bytes and decodes each field's value alone, so while its consumer waits
 * (backpressure) it holds the unread rest of the last chunk and nothing else: no decoded
 * copy of the chunk, no array of its events, and no slice that keeps a whole read alive
 * for the sake of a partial line (that tail is copied).
 */
export class SseDecoder {
  private chunk: Buffer = EMPTY;
  private at = 0;
  /** Pieces of a line that began in earlier chunks (they hold no line break). */
  private partial: Buffer[] = [];
  private data: string[] = [];
  private eventName: string | undefined;
  /** The previous chunk ended with `\r`: a leading `\n` belongs to that line break. */
  private pendingCr = false;
  /** The chunk's next `\r` at or after `at` (-1: none left; -2: not searched yet). */
  private cr = -2;
  private firstLine = true;

  /** Feeds the next chunk; call `next` until it returns undefined before pushing again. */
  push(chunk: Uint8Array | string): void {
    const bytes =
      typeof chunk === 'string'
        ? Buffer.from(chunk)
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.keepRest();
    this.chunk = bytes;
    this.cr = -2;
    this.at = this.pendingCr && bytes[0] === LF ? 1 : 0;
    if (bytes.length > 0) this.pendingCr = false;
  }

  /** The next complete event in what was pushed, or undefined when more bytes are needed. */
  next(): SseEvent | undefined {
    const { chunk } = this;
    while (this.at < chunk.length) {
      const end = this.lineEnd(chunk, this.at);
      if (end === -1) return this.keepRest();
      let line = chunk;
      let start = this.at;
      if (this.partial.length > 0) {
        line = Buffer.concat([...this.partial, chunk.subarray(start, end)]);
        this.partial = [];
        start = 0;
      }
      const lineEnd = line === chunk ? end : line.length;
      // A `\r` at the very end may be the first half of a `\r\n` split across chunks.
      if (chunk[end] === CR && end === chunk.length - 1) this.pendingCr = true;
      this.at = chunk[end] === CR && chunk[end + 1] === LF ? end + 2 : end + 1;
      const event = this.takeLine(line, start, lineEnd);
      if (event) return event;
    }
    return this.keepRest();
  }

  /** Where the line starting at `from` ends (its `\r` or `\n`), or -1 when it goes on. */
  private lineEnd(chunk: Buffer, from: number): number {
    const lf = chunk.indexOf(LF, from);
    // Streams end lines with `\n` almost always: the chunk is searched for `\r` once, not per line.
    if (this.cr !== -1 && this.cr < from) this.cr = chunk.indexOf(CR, from);
    return this.cr !== -1 && (lf === -1 || this.cr < lf) ? this.cr : lf;
  }

  /**
   * Keeps the unread tail of the chunk (a partial line) as a copy, so the chunk it came
   * from can be collected; a chunk that is all one partial line is kept as it is.
   */
  private keepRest(): undefined {
    const { chunk, at } = this;
    if (at < chunk.length) this.partial.push(at === 0 ? chunk : Buffer.from(chunk.subarray(at)));
    this.chunk = EMPTY;
    this.at = 0;
    return undefined;
  }

  private takeLine(bytes: Buffer, start: number, end: number): SseEvent | undefined {
    if (this.firstLine) {
      this.firstLine = false;
      // A byte-order mark at the start of the stream is not part of the first line.
      if (bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) {
        start += 3;
      }
    }
    if (start === end) return this.dispatch();
    if (bytes[start] === COLON) return undefined;
    let colon = bytes.indexOf(COLON, start);
    if (colon === -1 || colon > end) colon = end;
    let valueStart = Math.min(colon + 1, end);
    if (valueStart < end && bytes[valueStart] === SPACE) valueStart += 1;
    if (fieldIs(bytes, start, colon, 'data')) {
      this.data.push(bytes.toString('utf8', valueStart, end));
    } else if (fieldIs(bytes, start, colon, 'event')) {
      this.eventName = bytes.toString('utf8', valueStart, end);
    }
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const { data, eventName } = this;
    this.eventName = undefined;
    if (data.length === 0) return undefined;
    this.data = [];
    const event: SseEvent = { data: data.length === 1 ? data[0] : data.join('\n') };
    if (eventName && eventName !== 'message') event.event = eventName;
    return event;
  }
}
