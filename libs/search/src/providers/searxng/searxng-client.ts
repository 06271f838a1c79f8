import { setTimeout as sleep } from 'node:timers/promises';
import axios, { type AxiosInstance, isAxiosError } from 'axios';
import { abortReason } from '../../abort';
import { SearchUnavailableError } from '../../search-unavailable.error';
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

interface Failure {
  error: SearchUnavailableError;
  retryable: boolean;
}

/**
 * HTTP to SearXNG's JSON API. `timeoutMs` bounds one call, retries included; timeouts
 * and 5xx are retried with exponential backoff, everything else fails at once.
 */
export class SearxngClient {
  readonly origin: string;
  private readonly http: AxiosInstance;

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
    this.http = axios.create({
      baseURL: `${baseUrl.replace(/\/+$/, '')}/`,
      headers: { Accept: 'application/json' },
      validateStatus: () => true,
      maxContentLength: 20 * 1024 * 1024,
      maxRedirects: 0,
    });
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
      const response = await this.http.get('healthz', { timeout: this.timeoutMs, signal });
      if (response.status !== 200) throw new Error(`/healthz answered HTTP ${response.status}`);
    } catch (error) {
      throw isAxiosError(error) ? this.classify(error).error : error;
    }
  }

  private async once(
    path: string,
    params: Record<string, string | number>,
    timeout: number,
    signal?: AbortSignal,
  ): Promise<SearxngResponse> {
    const response = await this.http.get<unknown>(path, { params, timeout, signal });
    if (response.status !== 200) throw new StatusError(response.status);
    const body = response.data as SearxngResponse | null;
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
    const code = isAxiosError(error) ? (error.code ?? '') : '';
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
