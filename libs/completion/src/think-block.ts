import { Observable, type OperatorFunction } from 'rxjs';
import type { LlmEvent } from '@answergate/llm';

const OPEN = '<think>\n';
const CLOSE = '\n</think>\n\n';

/**
 * A reasoning model's answer as Sonar writes it: the reasoning events become text inside
 * one leading `<think>…</think>` block, then the answer. The block is always there (empty
 * when the upstream did not reason), so clients that strip it see the same shape every time.
 * Reasoning that arrives after the answer has started is dropped.
 */
export function thinkBlock(): OperatorFunction<LlmEvent, LlmEvent> {
  return (source) =>
    new Observable<LlmEvent>((subscriber) => {
      let state: 'before' | 'thinking' | 'answering' = 'before';
      const delta = (content: string) => subscriber.next({ type: 'delta', content });
      const closeBlock = () => {
        if (state === 'answering') return;
        delta(state === 'before' ? OPEN + CLOSE.trimStart() : CLOSE);
        state = 'answering';
      };
      return source.subscribe({
        next: (event) => {
          if (event.type === 'reasoning') {
            if (state === 'before') {
              delta(OPEN);
              state = 'thinking';
            }
            if (state === 'thinking') delta(event.content);
            return;
          }
          closeBlock();
          subscriber.next(event);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          closeBlock();
          subscriber.complete();
        },
      });
    });
}
