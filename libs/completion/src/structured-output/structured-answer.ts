import { defer, from, mergeMap, type Observable } from 'rxjs';
import type { LlmCompletion, LlmEvent, LlmProvider, LlmRequest, LlmUsage } from '@answergate/llm';
import type { FormatChecker } from './format-checker';
import { retryInstructions } from './format-instructions';
import { InvalidStructuredOutputError } from './invalid-structured-output.error';

const addUsage = (a?: LlmUsage, b?: LlmUsage): LlmUsage | undefined =>
  a && b
    ? {
        promptTokens: a.promptTokens + b.promptTokens,
        completionTokens: a.completionTokens + b.completionTokens,
        reasoningTokens: (a.reasoningTokens ?? 0) + (b.reasoningTokens ?? 0) || undefined,
      }
    : (a ?? b);

/**
 * An answer in a requested format: asked for whole (it cannot be taken back once
 * streamed), checked, asked for once more with the validation errors when it does not
 * conform, else a 502 `invalid_structured_output`. Emits the same events as a stream.
 */
export function structuredAnswer(
  llm: LlmProvider,
  request: LlmRequest,
  check: FormatChecker,
  signal: AbortSignal,
  onRetry: (errors: string[]) => void,
): Observable<LlmEvent> {
  return defer(async (): Promise<LlmEvent[]> => {
    const first = await llm.complete(request, signal);
    const checked = check(first.content);
    if (checked.ok) return toEvents(first, checked.content, first.usage);
    onRetry(checked.errors);
    const retry = await llm.complete(
      {
        ...request,
        messages: [
          ...request.messages,
          { role: 'assistant', content: first.content },
          { role: 'user', content: retryInstructions(checked.errors) },
        ],
      },
      signal,
    );
    const rechecked = check(retry.content);
    if (!rechecked.ok) throw new InvalidStructuredOutputError(rechecked.errors[0]);
    return toEvents(retry, rechecked.content, addUsage(first.usage, retry.usage));
  }).pipe(mergeMap((events) => from(events)));
}

function toEvents(completion: LlmCompletion, content: string, usage?: LlmUsage): LlmEvent[] {
  return [
    ...(completion.reasoning
      ? [{ type: 'reasoning' as const, content: completion.reasoning }]
      : []),
    { type: 'delta', content },
    ...(usage ? [{ type: 'usage' as const, usage }] : []),
    { type: 'finish', reason: 'stop' },
  ];
}
