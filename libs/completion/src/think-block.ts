const OPEN = '<think>\n';
const CLOSE = '\n</think>\n\n';

/**
 * A reasoning model's answer as Sonar writes it: the reasoning goes inside one leading
 * `<think>…</think>` block, then the answer. The block is always there (empty when the
 * upstream did not reason), so clients that strip it see the same shape every time.
 * Reasoning that arrives after the answer has started is dropped.
 */
export class ThinkBlock {
  private state: 'before' | 'thinking' | 'closed';

  constructor(enabled: boolean) {
    this.state = enabled ? 'before' : 'closed';
  }

  /** The text to emit for one piece of reasoning. */
  reasoning(text: string): string {
    if (this.state === 'closed') return '';
    const opening = this.state === 'before' ? OPEN : '';
    this.state = 'thinking';
    return opening + text;
  }

  /** The text that ends the block (or the whole empty block); '' once closed. */
  close(): string {
    if (this.state === 'closed') return '';
    const text = this.state === 'before' ? OPEN + CLOSE.trimStart() : CLOSE;
    this.state = 'closed';
    return text;
  }
}
