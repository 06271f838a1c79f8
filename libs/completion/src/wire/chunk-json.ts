import type { ChatCompletionChunk } from '../chat-completion.wire';

type Header = Pick<ChatCompletionChunk, 'id' | 'object' | 'created' | 'model'>;
type Delta = ChatCompletionChunk['choices'][0]['delta'];

/**
 * Joins the JSON texts of objects with distinct keys into the text `JSON.stringify` gives for
 * the object spread from them in that order (`{}` adds nothing).
 */
export function joinJsonObjects(...objects: string[]): string {
  let joined = '';
  for (const text of objects) {
    if (text === '{}') continue;
    joined += (joined ? ',' : '{') + text.slice(1, -1);
  }
  return joined ? `${joined}}` : '{}';
}

/**
 * The JSON text of one stream's `chat.completion.chunk`s, as `JSON.stringify` writes the
 * chunk object (same keys, same order), from parts serialized once: the header, and the
 * search fields that the role, first content and finish chunks all carry. A content chunk,
 * the one sent per token, is one template around its serialized text.
 */
export class ChunkJson {
  private readonly head: string;
  private readonly contentHead: string;

  constructor(header: Header) {
    this.head = JSON.stringify(header);
    this.contentHead = `${this.head.slice(0, -1)},"choices":[{"index":0,"delta":{"content":`;
  }

  /** `{...header, choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }]}` */
  content(content: string): string {
    return `${this.contentHead}${JSON.stringify(content)}},"logprobs":null,"finish_reason":null}]}`;
  }

  /**
   * `{...header, choices: [{ index: 0, delta, logprobs: null, finish_reason }], ...extras}`,
   * each of `extras` the JSON text of an object.
   */
  chunk(delta: Delta, finishReason: string | null, ...extras: string[]): string {
    const choices = { choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] };
    return joinJsonObjects(this.head, JSON.stringify(choices), ...extras);
  }

  /** `{...header, choices: [], usage}` */
  usage(usage: ChatCompletionChunk['usage']): string {
    return joinJsonObjects(this.head, JSON.stringify({ choices: [], usage }));
  }
}
