import { setTimeout as sleep } from 'node:timers/promises';
import type { CallGuard } from './call-guard';
import { LlmUpstreamError } from './llm-upstream.error';

const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 4000;

/** Exponential backoff with jitter, so replicas that failed together do not retry together. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** retry);
  return Math.round(delay * (0.75 + random() * 0.5));
}

/**
 * Runs `attempt` until it succeeds, retrying retryable failures at most `maxRetries` times.
 * `attempt` must settle before any content is handed on (it returns the open response),
 * which is what keeps a retry from ever repeating text the client already has.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  guard: CallGuard,
  maxRetries: number,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    guard.touch();
    try {
      return await attempt();
    } catch (error) {
      if (guard.signal.aborted) throw error;
      const failure = guard.toError(error);
      if (!(failure instanceof LlmUpstreamError) || !failure.retryable || retry >= maxRetries) {
        throw failure;
      }
      const delay = failure.retryAfterMs ?? backoffMs(retry);
      if (delay >= guard.remainingMs) throw failure;
      await sleep(delay, undefined, { signal: guard.signal });
    }
  }
}
