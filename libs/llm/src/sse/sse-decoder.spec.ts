import { describe, expect, it } from '@jest/globals';
import { SseDecoder, type SseEvent } from './sse-decoder';

/** Pushes `chunk` and takes every event it completes. */
function push(decoder: SseDecoder, chunk: Uint8Array | string): SseEvent[] {
  decoder.push(chunk);
  const events: SseEvent[] = [];
  for (let event = decoder.next(); event; event = decoder.next()) events.push(event);
  return events;
}

/** Feeds `text` one piece at a time, cutting at every given size, and gathers all events. */
function decodeInPieces(text: string | Buffer, size: number) {
  const bytes = Buffer.from(text);
  const decoder = new SseDecoder();
  const events = [];
  for (let i = 0; i < bytes.length; i += size)
    events.push(...push(decoder, bytes.subarray(i, i + size)));
  return events;
}

const STREAM =
  ': keep-alive\n\n' +
  'data: {"a":1}\n\n' +
  'event: message\r\ndata: {"b":"é漢"}\r\n\r\n' +
  'id: 7\nretry: 100\ndata:first\ndata: second\n\n' +
  'event: error\rdata: boom\r\r' +
  'data: [DONE]\n\n';

const EXPECTED = [
  { data: '{"a":1}' },
  { data: '{"b":"é漢"}' },
  { data: 'first\nsecond' },
  { event: 'error', data: 'boom' },
  { data: '[DONE]' },
];

describe('SseDecoder', () => {
  it('decodes events, skipping comments, ids and retries', () => {
    expect(decodeInPieces(STREAM, STREAM.length * 4)).toEqual(EXPECTED);
  });

  it.each([1, 2, 3, 5, 7, 13])('gives the same events when cut every %i bytes', (size) => {
    // Size 1 cuts inside multi-byte characters and between \r and \n.
    expect(decodeInPieces(STREAM, size)).toEqual(EXPECTED);
  });

  it('does not mistake a \\r\\n split across chunks for a blank line', () => {
    const decoder = new SseDecoder();
    expect(push(decoder, 'data: a\r')).toEqual([]);
    expect(push(decoder, '\ndata: b\r\n\r\n')).toEqual([{ data: 'a\nb' }]);
  });

  it('keeps a partial line until it completes', () => {
    const decoder = new SseDecoder();
    expect(push(decoder, 'data: {"par')).toEqual([]);
    expect(push(decoder, 'tial":true}\n')).toEqual([]);
    expect(push(decoder, '\n')).toEqual([{ data: '{"partial":true}' }]);
  });

  it('drops an event the stream ended before its blank line', () => {
    const decoder = new SseDecoder();
    expect(push(decoder, 'data: cut')).toEqual([]);
    expect(decoder.next()).toBeUndefined();
  });

  it('ignores blank lines with no data and keeps an empty data line', () => {
    expect(decodeInPieces('\n\n\ndata:\n\n', 100)).toEqual([{ data: '' }]);
  });
});

describe('SseDecoder, what it holds', () => {
  it('gives one event per call and keeps the rest of the chunk for the next call', () => {
    const decoder = new SseDecoder();
    decoder.push('data: 1\n\ndata: 2\n\ndata: 3');
    expect(decoder.next()).toEqual({ data: '1' });
    expect(decoder.next()).toEqual({ data: '2' });
    expect(decoder.next()).toBeUndefined();
    expect(push(decoder, '\n\n')).toEqual([{ data: '3' }]);
  });

  it('copies a partial line instead of keeping a view of the chunk it came from', () => {
    const decoder = new SseDecoder();
    const chunk = Buffer.from('data: whole\n\ndata: par');
    expect(push(decoder, chunk)).toEqual([{ data: 'whole' }]);
    // The reader may reuse or drop the chunk: the partial line must not depend on it.
    chunk.fill(0x78);
    expect(push(decoder, 'tial\n\n')).toEqual([{ data: 'partial' }]);
  });

  it('drops a byte-order mark at the start of the stream only', () => {
    const text = '\uFEFFdata: a\n\ndata: \uFEFFb\n\n';
    const expected = [{ data: 'a' }, { data: '\uFEFFb' }];
    expect(decodeInPieces(text, 100)).toEqual(expected);
    expect(decodeInPieces(text, 1)).toEqual(expected);
  });
});
