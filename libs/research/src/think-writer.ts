/**
 * Writes the research's reasoning as it happens, inside one `<think>` block, and
 * keeps the text so its tokens can be counted as `reasoning_tokens`.
 */
export class ThinkWriter {
  private written = '';

  constructor(private readonly emit: (content: string) => void) {}

  get text(): string {
    return this.written;
  }

  open(): void {
    this.write('<think>\n');
  }

  close(): void {
    this.write('</think>\n\n');
  }

  line(text: string): void {
    this.write(`${text}\n`);
  }

  list(title: string, items: readonly string[]): void {
    this.write(`${title}:\n${items.map((item) => `- ${item}`).join('\n')}\n`);
  }

  private write(content: string): void {
    this.written += content;
    this.emit(content);
  }
}
