/** One dispatched server-sent event. `event` is absent for the default `message` type. */
export interface SseEvent {
  event?: string;
  data: string;
}

/**
 * Incremental decoder for a `text/event-stream` body (the WHATWG SSE rules).
 * Chunks may split anywhere: inside a line, between `\r` and `\n`, or inside
 * a multi-byte UTF-8 character; comments (keep-alives) and `id`/`retry` are dropped.
 */
export class SseDecoder {
  private readonly text = new TextDecoder('utf-8');
  private buffer = '';
  private data: string[] = [];
  private eventName: string | undefined;
  /** The previous chunk ended with `\r`: a leading `\n` belongs to that line break. */
  private pendingCr = false;

  /** Feeds bytes (or text) and returns the events they completed. */
  push(chunk: Uint8Array | string): SseEvent[] {
    let text = typeof chunk === 'string' ? chunk : this.text.decode(chunk, { stream: true });
    if (text === '') return [];
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    return this.drainLines();
  }

  /** Ends the stream; an event not followed by a blank line is discarded, as the spec says. */
  end(): SseEvent[] {
    this.buffer += this.text.decode();
    const events = this.drainLines();
    this.buffer = '';
    this.data = [];
    this.eventName = undefined;
    return events;
  }

  private drainLines(): SseEvent[] {
    const events: SseEvent[] = [];
    const lineBreak = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = lineBreak.exec(this.buffer); match; match = lineBreak.exec(this.buffer)) {
      // A lone `\r` at the very end may be the first half of `\r\n`.
      if (match[0] === '\r' && match.index === this.buffer.length - 1) this.pendingCr = true;
      const event = this.takeLine(this.buffer.slice(start, match.index));
      if (event) events.push(event);
      start = match.index + match[0].length;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private takeLine(line: string): SseEvent | undefined {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.eventName = value;
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    const { data, eventName } = this;
    this.data = [];
    this.eventName = undefined;
    if (data.length === 0) return undefined;
    const event: SseEvent = { data: data.join('\n') };
    if (eventName && eventName !== 'message') event.event = eventName;
    return event;
  }
}
