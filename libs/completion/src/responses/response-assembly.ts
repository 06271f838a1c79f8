import { randomBytes } from 'node:crypto';
import type { CompletionEvent } from '../completion.types';
import { toWireResult } from '../wire-mappers';
import { UrlCitationScanner, type UrlCitationAnnotation } from '../wire/url-citations';
import type { ResponseRequest } from './response-request';
import type {
  ResponseMessage,
  ResponseObject,
  ResponseStreamEvent,
  ResponseUrlCitation,
} from './responses.wire';

interface Event {
  type: string;
  [field: string]: unknown;
}

const newId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`;
const flat = ({ url_citation: c }: UrlCitationAnnotation): ResponseUrlCitation => ({
  type: 'url_citation',
  ...c,
});

/**
 * Builds one Responses API object from the pipeline's events, and the stream events
 * OpenAI sends along the way. `response` is the object so far; a non-streamed call
 * ignores the events and keeps the final object.
 */
export class ResponseAssembly {
  readonly response: ResponseObject;
  private message?: ResponseMessage;
  private scanner = new UrlCitationScanner([]);
  private sequence = 0;

  constructor(request: ResponseRequest) {
    this.response = {
      id: newId('resp'),
      object: 'response',
      created_at: Math.floor(Date.now() / 1000),
      status: 'in_progress',
      model: request.completion.model.id,
      output: [],
      output_text: '',
      usage: null,
      error: null,
      incomplete_details: null,
      instructions: request.instructions,
      max_output_tokens: request.maxOutputTokens,
      temperature: request.temperature,
      top_p: request.topP,
      previous_response_id: request.previousResponseId,
      store: request.store,
      parallel_tool_calls: false,
      tool_choice: 'none',
      tools: [],
      text: { format: { type: 'text' } },
      metadata: request.metadata,
      citations: [],
      search_results: [],
    };
  }

  start(): ResponseStreamEvent[] {
    return this.number([
      { type: 'response.created', response: this.snapshot() },
      { type: 'response.in_progress', response: this.snapshot() },
    ]);
  }

  /** The events one pipeline event makes. */
  apply(event: CompletionEvent): ResponseStreamEvent[] {
    switch (event.type) {
      case 'sources':
        return this.number(this.onSources(event.results, event.queries ?? []));
      case 'delta':
        return this.number(this.onDelta(event.content));
      case 'done':
        return this.number(this.onDone(event.finishReason, event.usage));
    }
  }

  /** `response.failed`, for an error after the stream began. */
  fail(message: string): ResponseStreamEvent[] {
    this.response.status = 'failed';
    this.response.error = { code: 'server_error', message };
    return this.number([{ type: 'response.failed', response: this.snapshot() }]);
  }

  private onSources(
    results: Extract<CompletionEvent, { type: 'sources' }>['results'],
    queries: string[],
  ): Event[] {
    const events: Event[] = [];
    this.response.citations = results.map((r) => r.url);
    this.response.search_results = results.map(toWireResult);
    this.scanner = new UrlCitationScanner(results);
    if (queries.length > 0) {
      const call = {
        type: 'web_search_call' as const,
        id: newId('ws'),
        status: 'completed' as const,
        action: { type: 'search' as const, query: queries[0], queries },
      };
      const output_index = this.response.output.push(call) - 1;
      events.push(
        { type: 'response.output_item.added', output_index, item: call },
        { type: 'response.output_item.done', output_index, item: call },
      );
    }
    this.message = {
      type: 'message',
      id: newId('msg'),
      status: 'in_progress',
      role: 'assistant',
      content: [{ type: 'output_text', text: '', annotations: [], logprobs: [] }],
    };
    const output_index = this.response.output.push(this.message) - 1;
    const part = { type: 'output_text', text: '', annotations: [], logprobs: [] };
    events.push(
      { type: 'response.output_item.added', output_index, item: { ...this.message, content: [] } },
      { type: 'response.content_part.added', ...this.at(output_index), part },
    );
    return events;
  }

  private onDelta(delta: string): Event[] {
    if (!this.message) return [];
    const part = this.message.content[0];
    part.text += delta;
    const where = this.at(this.response.output.length - 1);
    const events: Event[] = [{ type: 'response.output_text.delta', ...where, delta, logprobs: [] }];
    for (const found of this.scanner.push(delta)) {
      const annotation = flat(found);
      const annotation_index = part.annotations.push(annotation) - 1;
      events.push({
        type: 'response.output_text.annotation.added',
        ...where,
        annotation_index,
        annotation,
      });
    }
    return events;
  }

  private onDone(
    finishReason: string,
    usage: Extract<CompletionEvent, { type: 'done' }>['usage'],
  ): Event[] {
    const cut = finishReason === 'length';
    this.response.status = cut ? 'incomplete' : 'completed';
    if (cut) this.response.incomplete_details = { reason: 'max_output_tokens' };
    this.response.usage = {
      input_tokens: usage.promptTokens,
      input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      output_tokens: usage.completionTokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: usage.promptTokens + usage.completionTokens,
    };
    if (!this.message) return [{ type: 'response.completed', response: this.snapshot() }];
    this.message.status = cut ? 'incomplete' : 'completed';
    const part = this.message.content[0];
    this.response.output_text = part.text;
    const output_index = this.response.output.length - 1;
    const where = this.at(output_index);
    return [
      { type: 'response.output_text.done', ...where, text: part.text, logprobs: [] },
      { type: 'response.content_part.done', ...where, part: structuredClone(part) },
      { type: 'response.output_item.done', output_index, item: structuredClone(this.message) },
      {
        type: cut ? 'response.incomplete' : 'response.completed',
        response: this.snapshot(),
      },
    ];
  }

  private at(output_index: number) {
    return { item_id: this.message?.id ?? '', output_index, content_index: 0 };
  }

  private snapshot(): ResponseObject {
    return structuredClone(this.response);
  }

  private number(events: Event[]): ResponseStreamEvent[] {
    return events.map((event) => ({ ...event, sequence_number: this.sequence++ }));
  }
}
