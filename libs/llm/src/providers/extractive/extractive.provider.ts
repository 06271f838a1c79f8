import { Observable } from 'rxjs';
import { LlmUnsupportedTaskError } from '../../llm-unsupported-task.error';
import type { LlmProvider } from '../../llm-provider.interface';
import type { LlmCompletion, LlmEvent, LlmRequest, LlmTask, LlmUsage } from '../../llm.types';
import { countTokens } from '@answergate/common';
import { countMessageTokens } from '../../tokens/count-tokens';
import { cutToTokens } from '../../tokens/cut-to-tokens';
import { extractiveAnswer } from './extractive-answer';
import { relatedQuestions } from './related-questions';
import { classifySearchNeed } from './search-need';
import { standaloneQuery } from './standalone-query';
import { textChunks } from './text-chunks';

/** The question, or the last user turn when the caller left `question` empty. */
function questionOf(request: LlmRequest): string {
  if (request.question.trim()) return request.question;
  return request.messages.findLast((message) => message.role === 'user')?.content ?? '';
}

/**
 * The embedded default: no network, no model, the same output for the same input.
 * It answers with the sources' own best sentences, cited; it cannot plan.
 */
export class ExtractiveProvider implements LlmProvider {
  readonly name = 'extractive';

  private readonly tasks: Record<LlmTask, (request: LlmRequest) => string> = {
    answer: (request) => extractiveAnswer(questionOf(request), request.sources ?? []),
    related: (request) => relatedQuestions(questionOf(request), request.sources ?? []).join('\n'),
    rephrase: (request) => standaloneQuery(questionOf(request), request.messages),
    classify: (request) => classifySearchNeed(questionOf(request)),
    plan: () => {
      throw new LlmUnsupportedTaskError(this.name, 'plan');
    },
  };

  stream(request: LlmRequest): Observable<LlmEvent> {
    return new Observable<LlmEvent>((subscriber) => {
      let content: string;
      let cut: boolean;
      try {
        ({ text: content, cut } = this.run(request));
      } catch (error) {
        subscriber.error(error);
        return;
      }
      for (const chunk of textChunks(content)) {
        if (subscriber.closed) return;
        subscriber.next({ type: 'delta', content: chunk });
      }
      subscriber.next({ type: 'usage', usage: this.usage(request, content) });
      subscriber.next({ type: 'finish', reason: cut ? 'length' : 'stop' });
      subscriber.complete();
    });
  }

  complete(request: LlmRequest, signal?: AbortSignal): Promise<LlmCompletion> {
    // A throw inside the executor (abort, `plan`) becomes the rejection.
    return new Promise((resolve) => {
      signal?.throwIfAborted();
      const content = this.run(request).text;
      resolve({ content, usage: this.usage(request, content) });
    });
  }

  /** The task's text, held to `maxTokens` as a model would be (finish reason `length`). */
  private run(request: LlmRequest): { text: string; cut: boolean } {
    const text = this.tasks[request.task](request);
    return request.maxTokens ? cutToTokens(text, request.maxTokens) : { text, cut: false };
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  /** What a model would have been billed: the prompt it was given, the text it wrote. */
  private usage(request: LlmRequest, content: string): LlmUsage {
    const sourcesText = (request.sources ?? []).map((s) => `${s.title}\n${s.snippet}`).join('\n');
    const promptTokens =
      request.messages.length > 0
        ? countMessageTokens(request.messages)
        : countTokens(`${request.question}\n${sourcesText}`);
    return { promptTokens, completionTokens: countTokens(content) };
  }
}
