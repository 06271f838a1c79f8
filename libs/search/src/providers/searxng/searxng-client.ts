import { setTimeout as sleep } from 'node:timers/promises';
import { abortReason } from '../../abort';
import { SearchUnavailableError } from '../../search-unavailable.error';
import { getJson } from './get-json';
import type { SearxngResponse } from './searxng-response';
import { StatusError } from './status.error';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Backoff before retry n is `baseDelayMs * 2^(n-1)`. */
  baseDelayMs: number;
}

export const SEARXNG_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 100 };

/** Below this, another attempt could not finish in time, so it is not made. */
const MIN_ATTEMPT_MS = 100;
/** The first attempt may use this share of the budget; a retry gets the rest. */
const FIRST_ATTEMPT_SHARE = 0.6;
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);
/** Bytes of one answer at most. */
const MAX_ANSWER_BYTES = 20 * 1024 * 1024;

/** The `code` of a Node network error (or of `getJson`'s own), else ''. */
const errorCode = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

interface Failure {
  error: SearchUnavailableError;
  retryable: boolean;
}

/**
 * HTTP to SearXNG's JSON API. `timeoutMs` bounds one call, retries included; timeouts
 * and 5xx are retried with exponential backoff, everything else fails at once. Plain
 * node:http (`getJson`), not axios: a search is on the path to an answer's first token,
 * and axios's per-request config merging and interceptors cost more than the GET itself.
 */
export class SearxngClient {
  readonly origin: string;
  /** The instance's URL with a trailing slash, credentials kept (sent as basic auth). */
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly timeoutMs: number,
    private readonly retry: RetryPolicy = SEARXNG_RETRY,
  ) {
    const url = new URL(baseUrl);
    url.username = '';
    url.password = '';
    this.origin = url.toString().replace(/\/+$/, '');
    // No agent of its own: Node's global agent keeps connections alive (Node >= 19), so
    // searches reuse warm sockets.
    this.base = `${baseUrl.replace(/\/+$/, '')}/`;
  }

  async search(
    params: Record<string, string | number>,
    signal?: AbortSignal,
  ): Promise<SearxngResponse> {
    const deadline = Date.now() + this.timeoutMs;
    for (let attempt = 1; ; attempt += 1) {
      const remaining = deadline - Date.now();
      const mayRetry = attempt === 1 && this.retry.attempts > 1;
      const budget = mayRetry ? Math.ceil(this.timeoutMs * FIRST_ATTEMPT_SHARE) : remaining;
      try {
        return await this.once('search', params, Math.max(MIN_ATTEMPT_MS, budget), signal);
      } catch (error) {
        if (signal?.aborted) throw abortReason(signal);
        const failure = this.classify(error);
        const delay = this.retry.baseDelayMs * 2 ** (attempt - 1);
        const timeLeft = deadline - Date.now() - delay;
        if (!failure.retryable || attempt >= this.retry.attempts || timeLeft < MIN_ATTEMPT_MS) {
          throw failure.error;
        }
        await sleep(delay, undefined, { signal });
      }
    }
  }

  /** Readiness: SearXNG's own health route, one try. */
  async ping(signal?: AbortSignal): Promise<void> {
    try {
      const answer = await getJson(this.endpoint('healthz'), {
        timeoutMs: this.timeoutMs,
        maxBytes: MAX_ANSWER_BYTES,
        signal,
      });
      if (answer.status !== 200) throw new Error(`/healthz answered HTTP ${answer.status}`);
    } catch (error) {
      throw errorCode(error) ? this.classify(error).error : error;
    }
  }

  /** `<base>/<path>?<params>` */
  private endpoint(path: string, params: Record<string, string | number> = {}): URL {
    const url = new URL(path, this.base);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
    return url;
  }

  private async once(
    path: string,
    params: Record<string, string | number>,
    timeout: number,
    signal?: AbortSignal,
  ): Promise<SearxngResponse> {
    const answer = await getJson(this.endpoint(path, params), {
      timeoutMs: timeout,
      maxBytes: MAX_ANSWER_BYTES,
      signal,
    });
    if (answer.status !== 200) throw new StatusError(answer.status);
    const body = answer.body as SearxngResponse | null | undefined;
    if (typeof body !== 'object' || body === null || !Array.isArray(body.results)) {
      throw new SearchUnavailableError(
        `SearXNG at ${this.origin} did not answer JSON; enable "json" in its search.formats`,
      );
    }
    return body;
  }

  private classify(error: unknown): Failure {
    if (error instanceof SearchUnavailableError) return { error, retryable: false };
    if (error instanceof StatusError) {
      const hint = error.status === 403 ? ' (is "json" in its search.formats?)' : '';
      return {
        error: new SearchUnavailableError(
          `SearXNG at ${this.origin} answered HTTP ${error.status}${hint}`,
        ),
        retryable: error.status >= 500,
      };
    }
    const code = errorCode(error);
    if (TIMEOUT_CODES.has(code)) {
      const message = `SearXNG at ${this.origin} did not answer within ${this.timeoutMs} ms`;
      return { error: new SearchUnavailableError(message, 504, error), retryable: true };
    }
    const reason = code || (error instanceof Error ? error.message : String(error));
    return {
      error: new SearchUnavailableError(
        `SearXNG at ${this.origin} is unreachable (${reason})`,
        502,
        error,
      ),
      retryable: false,
    };
  }
}
