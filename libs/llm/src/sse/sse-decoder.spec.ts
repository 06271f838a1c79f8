import { describe, expect, it } from '@jest/globals';
import { SseDecoder } from './sse-decoder';

/** Feeds `text` one piece at a time, cutting at every given size, and gathers all events. */
function decodeInPieces(text: string | Buffer, size: number) {
  const bytes = Buffer.from(text);
  const decoder = new SseDecoder();
  const events = [];
  for (let i = 0; i < bytes.length; i += size)
    events.push(...decoder.push(bytes.subarray(i, i + size)));
  return [...events, ...decoder.end()];
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
    expect(decoder.push('data: a\r')).toEqual([]);
    expect(decoder.push('\ndata: b\r\n\r\n')).toEqual([{ data: 'a\nb' }]);
  });

  it('keeps a partial line until it completes', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('data: {"par')).toEqual([]);
    expect(decoder.push('tial":true}\n')).toEqual([]);
    expect(decoder.push('\n')).toEqual([{ data: '{"partial":true}' }]);
  });

  it('drops an event the stream ended before its blank line', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('data: cut')).toEqual([]);
    expect(decoder.end()).toEqual([]);
  });

  it('ignores blank lines with no data and keeps an empty data line', () => {
    expect(decodeInPieces('\n\n\ndata:\n\n', 100)).toEqual([{ data: '' }]);
  });
});
