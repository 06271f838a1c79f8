const OPEN = '<think>';
const CLOSE = '</think>';

export interface SplitText {
  reasoning: string;
  content: string;
}

/**
 * Separates inline `<think>…</think>` reasoning (DeepSeek R1 and Qwen served without a
 * reasoning parser) from the answer in a stream of text deltas. A tag may be cut across
 * deltas, so a possible tag start is held back until the next delta decides it. Only a
 * block at the start of the answer (after whitespace) counts as reasoning; a `<think>`
 * later in the text is answer text.
 */
export class ThinkTagSplitter {
  private state: 'start' | 'thinking' | 'answer' = 'start';
  private held = '';

  push(delta: string): SplitText {
    let text = this.held + delta;
    this.held = '';
    const out: SplitText = { reasoning: '', content: '' };
    while (text) {
      if (this.state === 'answer') {
        out.content += text;
        return out;
      }
      if (this.state === 'start') {
        const trimmed = text.trimStart();
        if (trimmed.startsWith(OPEN)) {
          this.state = 'thinking';
          text = trimmed.slice(OPEN.length);
          continue;
        }
        if (OPEN.startsWith(trimmed)) {
          this.held = text; // `<thi` so far, or only whitespace
          return out;
        }
        this.state = 'answer';
        continue;
      }
      const end = text.indexOf(CLOSE);
      if (end >= 0) {
        out.reasoning += text.slice(0, end);
        text = text.slice(end + CLOSE.length).replace(/^\s+/, '');
        this.state = 'answer';
        continue;
      }
      const keep = partialSuffix(text, CLOSE);
      out.reasoning += text.slice(0, text.length - keep);
      this.held = text.slice(text.length - keep);
      return out;
    }
    return out;
  }

  /** The stream ended: whatever was held back is released where it belongs. */
  end(): SplitText {
    const held = this.held;
    this.held = '';
    if (this.state === 'thinking') return { reasoning: held, content: '' };
    return { reasoning: '', content: held };
  }
}

/** How many characters at the end of `text` could begin `tag`. */
function partialSuffix(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length -= 1) {
    if (tag.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}

/** A whole completion's text split into its leading `<think>` block and the answer. */
export function splitThinkTags(text: string): SplitText {
  const splitter = new ThinkTagSplitter();
  const first = splitter.push(text);
  const last = splitter.end();
  return { reasoning: first.reasoning + last.reasoning, content: first.content + last.content };
}
