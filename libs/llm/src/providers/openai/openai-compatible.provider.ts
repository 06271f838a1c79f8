import * as http from 'node:http';
import type { IncomingMessage } from 'node:http';
import * as https from 'node:https';
import axios, { type AxiosInstance } from 'axios';
import { Observable } from 'rxjs';
import { type AppConfig, countTokens } from '@answergate/common';
import type { LlmProvider } from '../../llm-provider.interface';
import type { LlmCompletion, LlmEvent, LlmRequest } from '../../llm.types';
import { SseDecoder } from '../../sse/sse-decoder';
import { countMessageTokens } from '../../tokens/count-tokens';
import { CallGuard } from './call-guard';
import { eachChunk } from './each-chunk';
import { holdSocket } from './hold-socket';
import { type RawMessage, type RawUsage, readReasoning, readUsage } from './chat-chunk';
import { splitThinkTags } from '../../reasoning/think-tag-splitter';
import { chatRequestBody } from './chat-request-body';
import { ChatStreamReader } from './chat-stream-reader';
import { connectTimeoutTransport } from './connect-timeout-transport';
import { LlmUpstreamError } from './llm-upstream.error';
import { describeUpstream, errorFromResponse, readBody } from './upstream-failure';
import { postForStream } from './stream-post';
import { withRetry } from './with-retry';

const PING_TIMEOUT_MS = 10_000;
const MAX_COMPLETION_BYTES = 16 * 1024 * 1024;
// Answers are long-lived streams: no cap on sockets in use (a cap would queue answers),
// but after a burst only this many idle connections stay open.
const MAX_FREE_SOCKETS = 64;

/**
 * How long the rest of a response may take after its `[DONE]` (normally the end of the HTTP
 * message, in the same packet) before its connection is closed instead of reused.
 */
const RECYCLE_WITHIN_MS = 1000;

/**
 * The answer is whole at `[DONE]`; the response is read to its end in the background, so its
 * keep-alive socket goes back to the agent's pool for the next answer. Destroying it there
 * would cost every answer a new TCP connection (and the upstream a new accept) before its
 * request could even be sent.
 */
function recycle(response: IncomingMessage): void {
  if (response.destroyed) return;
  const timer = setTimeout(() => response.destroy(), RECYCLE_WITHIN_MS);
  timer.unref();
  response.once('close', () => clearTimeout(timer));
  // Nobody reads it any more: a reset connection must not become an unhandled 'error'.
  response.on('error', () => undefined);
  response.resume();
}

/** One streamed answer's request, until the upstream has accepted it (see `accepted`). */
interface StreamCall {
  request?: LlmRequest;
}

function requestOf(call: StreamCall): LlmRequest {
  if (!call.request) throw new Error('An LLM answer stream is subscribed once');
  return call.request;
}

/** The prompt's tokens for a usage estimate: the caller's count, else the messages counted. */
function promptCounter(request: LlmRequest): () => number {
  const { messages, countPromptTokens } = request;
  return countPromptTokens ?? (() => countMessageTokens(messages));
}

interface RawCompletion {
  choices?: { message?: RawMessage; finish_reason?: unknown }[];
  usage?: RawUsage;
}

/**
 * Any server that speaks OpenAI's chat completions (OpenAI, vLLM, Ollama, LiteLLM).
 * Retries only while no answer has started; every call is bounded by the connect,
 * idle and overall timeouts, and aborting (or unsubscribing) tears down the HTTP request.
 */
export class OpenAiCompatibleProvider implements LlmProvider {
  readonly name = 'openai';
  readonly structuredOutput = true;
  private readonly baseUrl: string;
  private readonly where: string;
  private readonly http: AxiosInstance;
  private readonly agent: http.Agent;
  private readonly transport: ReturnType<typeof connectTimeoutTransport>;

  constructor(private readonly config: AppConfig) {
    if (!config.llmBaseUrl) throw new Error('LLM_BASE_URL is required for LLM_PROVIDER=openai');
    this.baseUrl = config.llmBaseUrl.replace(/\/+$/, '');
    this.where = describeUpstream(this.baseUrl);
    const agentOptions = { keepAlive: true, maxFreeSockets: MAX_FREE_SOCKETS };
    this.agent = this.baseUrl.startsWith('https:')
      ? new https.Agent(agentOptions)
      : new http.Agent(agentOptions);
    this.transport = connectTimeoutTransport(config.llmConnectTimeoutMs);
    this.http = axios.create({
      headers: this.authHeaders(),
      // Every status is read here, so the upstream's own error message reaches the client.
      validateStatus: () => true,
      maxRedirects: 0,
      maxContentLength: MAX_COMPLETION_BYTES,
      transport: this.transport,
      httpAgent: this.agent,
      httpsAgent: this.agent,
    });
  }

  stream(request: LlmRequest): Observable<LlmEvent> {
    // The request (with its prompt, the largest thing an answer holds) is let go once the
    // upstream has accepted it, when the caller can count the prompt without it.
    const call: StreamCall = { request };
    return new Observable<LlmEvent>((subscriber) => {
      const guard = this.guard(true);
      let whole = false;
      this.pump(call, guard, (event) => subscriber.next(event))
        .then(
          () => {
            whole = true;
            subscriber.complete();
          },
          (error: unknown) => subscriber.error(guard.toError(error)),
        )
        .finally(() => guard.dispose());
      // Once the answer is whole, its connection is left to finish (see `recycle`).
      return () => {
        if (!whole) guard.cancel();
      };
    });
  }

  async complete(request: LlmRequest, signal?: AbortSignal): Promise<LlmCompletion> {
    const guard = this.guard(false, signal);
    try {
      const response = await withRetry(
        () => this.post(request, guard),
        guard,
        this.config.llmMaxRetries,
      );
      return this.readCompletion(response.data, promptCounter(request));
    } catch (error) {
      throw guard.toError(error);
    } finally {
      guard.dispose();
    }
  }

  async ping(signal?: AbortSignal): Promise<void> {
    const timeoutMs = Math.min(this.config.llmTimeoutMs, PING_TIMEOUT_MS);
    const guard = new CallGuard(this.where, { timeoutMs }, signal);
    try {
      const response = await this.http.get<string>(`${this.baseUrl}/models`, {
        responseType: 'text',
        signal: guard.signal,
      });
      if (response.status >= 300) {
        throw errorFromResponse(this.where, response.status, response.headers, response.data);
      }
    } catch (error) {
      throw guard.toError(error);
    } finally {
      guard.dispose();
    }
  }

  private guard(streaming: boolean, signal?: AbortSignal): CallGuard {
    const idleTimeoutMs = streaming ? this.config.llmIdleTimeoutMs : undefined;
    return new CallGuard(
      this.where,
      { timeoutMs: this.config.llmTimeoutMs, idleTimeoutMs },
      signal,
    );
  }

  private async pump(call: StreamCall, guard: CallGuard, emit: (e: LlmEvent) => void) {
    const response = await withRetry(
      () => this.openStream(requestOf(call), guard),
      guard,
      this.config.llmMaxRetries,
    );
    const { whenWritable, promptTokens } = this.accepted(call);
    const type = String(response.headers['content-type'] ?? 'text/event-stream');
    // Some proxies ignore `stream: true` and answer one JSON completion.
    if (type.includes('application/json')) {
      const json = await readBody(response, MAX_COMPLETION_BYTES);
      const completion = this.readCompletion(json, promptTokens);
      if (completion.reasoning) emit({ type: 'reasoning', content: completion.reasoning });
      if (completion.content) emit({ type: 'delta', content: completion.content });
      emit({ type: 'usage', usage: completion.usage });
      emit({ type: 'finish', reason: 'stop' });
      return;
    }
    if (!type.includes('text/event-stream')) {
      response.destroy();
      throw new LlmUpstreamError(`LLM upstream (${this.where}) answered ${type}, not a stream`);
    }
    const decoder = new SseDecoder();
    const reader = new ChatStreamReader(this.where, promptTokens, emit);
    let received = 0;
    const take = (bytes: Buffer) => {
      guard.touch();
      received += bytes.length;
      if (received > MAX_COMPLETION_BYTES) throw this.tooLong();
      decoder.push(bytes);
      return this.takeEvents(decoder, reader, whenWritable, guard, response);
    };
    try {
      // Stopping at `[DONE]` must not destroy the response: see `recycle`.
      await eachChunk(response, take, () => reader.finished);
    } catch (error) {
      response.destroy();
      if (guard.signal.aborted || error instanceof LlmUpstreamError) throw error;
      throw reader.brokenOff(error);
    }
    if (reader.finished) recycle(response);
    reader.end();
  }

  /**
   * Hands the decoded events of the last chunk to the reader. The consumer is asked after every
   * event (one read can hold hundreds of them), and events are decoded one at a time: a wait
   * holds the rest of this read, undecoded, and resumes decoding it when it is over.
   */
  private takeEvents(
    decoder: SseDecoder,
    reader: ChatStreamReader,
    whenWritable: LlmRequest['whenWritable'],
    guard: CallGuard,
    response: IncomingMessage,
  ): Promise<void> | undefined {
    for (let event = decoder.next(); event; event = decoder.next()) {
      reader.take(event);
      const writable = whenWritable?.();
      if (writable) {
        return this.waitForConsumer(writable, guard, response).then(() =>
          this.takeEvents(decoder, reader, whenWritable, guard, response),
        );
      }
    }
    return undefined;
  }

  /**
   * The upstream has the request: what reading its answer needs. The request is dropped from
   * `call` when the caller counts the prompt itself (`countPromptTokens`); a retry after this
   * point never happens, as the answer may have started.
   */
  private accepted(call: StreamCall) {
    const request = requestOf(call);
    if (request.countPromptTokens) call.request = undefined;
    return { whenWritable: request.whenWritable, promptTokens: promptCounter(request) };
  }

  /**
   * The client reads slower than the model writes: stop reading (TCP backpressure
   * reaches the upstream) until it catches up. Its silence meanwhile is ours, not the
   * upstream's, so the idle timer is held; the overall deadline still applies.
   *
   * The socket is paused as well: left alone it would go on feeding the response (Node's
   * HTTP client parses a whole socket read into it, one small Buffer per upstream chunk)
   * until the response's buffer is full, then read once more. Paused, what it reads ahead
   * stays in its own buffer, in one piece. Not once the response is complete: its socket is
   * then the agent's (see `holdSocket`).
   */
  private async waitForConsumer(
    writable: Promise<void>,
    guard: CallGuard,
    response: IncomingMessage,
  ): Promise<void> {
    guard.holdIdle();
    const release = holdSocket(response);
    try {
      await writable;
    } finally {
      release();
    }
    guard.touch();
  }

  private async post(request: LlmRequest, guard: CallGuard) {
    const body = chatRequestBody(request, this.config.llmModel, false);
    const response = await this.http.post<string>(`${this.baseUrl}/chat/completions`, body, {
      responseType: 'text',
      headers: { Accept: 'application/json' },
      signal: guard.signal,
    });
    if (response.status >= 200 && response.status < 300) return response;
    throw errorFromResponse(this.where, response.status, response.headers, response.data);
  }

  /** The streaming POST, answered with its head; the body is read by `pump`. */
  private async openStream(request: LlmRequest, guard: CallGuard): Promise<IncomingMessage> {
    const response = await postForStream(this.transport, {
      url: `${this.baseUrl}/chat/completions`,
      body: JSON.stringify(chatRequestBody(request, this.config.llmModel, true)),
      headers: { ...this.authHeaders(), Accept: 'text/event-stream' },
      agent: this.agent,
      signal: guard.signal,
    });
    const status = response.statusCode ?? 0;
    if (status >= 200 && status < 300) return response;
    const errorBody = await readBody(response);
    throw errorFromResponse(this.where, status, response.headers, errorBody);
  }

  private authHeaders(): Record<string, string> {
    return this.config.llmApiKey ? { Authorization: `Bearer ${this.config.llmApiKey}` } : {};
  }

  private tooLong(): LlmUpstreamError {
    const mib = MAX_COMPLETION_BYTES / 1024 / 1024;
    return new LlmUpstreamError(`LLM upstream (${this.where}) streamed more than ${mib} MiB`);
  }

  /** The answer without its reasoning (a field of its own, or a leading `<think>` block). */
  private readCompletion(
    text: string,
    promptTokens: () => number,
  ): Required<LlmCompletion> & { reasoning: string } {
    let raw: RawCompletion;
    try {
      raw = JSON.parse(text) as RawCompletion;
    } catch {
      throw new LlmUpstreamError(`LLM upstream (${this.where}) answered with invalid JSON`);
    }
    const message = raw.choices?.[0]?.message;
    if (typeof message?.content !== 'string') {
      throw new LlmUpstreamError(`LLM upstream (${this.where}) answered without a message`);
    }
    const inline = splitThinkTags(message.content);
    const reasoning = readReasoning(message) + inline.reasoning;
    const content = inline.content;
    const usage = readUsage(raw.usage) ?? {
      promptTokens: promptTokens(),
      completionTokens: countTokens(content + reasoning),
    };
    if (reasoning && usage.reasoningTokens === undefined) {
      usage.reasoningTokens = countTokens(reasoning);
    }
    return { content, usage, reasoning };
  }
}
