import type { Readable } from 'node:stream';
import { readErrorMessage } from './chat-chunk';
import { CONNECT_TIMEOUT_CODE } from './connect-timeout-transport';
import { LlmUpstreamError } from './llm-upstream.error';

const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  CONNECT_TIMEOUT_CODE,
]);
const MAX_ERROR_BODY_BYTES = 64 * 1024;
const MAX_MESSAGE_CHARS = 500;

/** The base URL as error messages show it: no credentials, no trailing slash. */
export function describeUpstream(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.username = '';
    url.password = '';
    url.search = '';
    return url.toString().replace(/\/+$/, '');
  } catch {
    return 'invalid URL';
  }
}

/** `Retry-After` (seconds or an HTTP date) or OpenAI's `retry-after-ms`, in ms. */
export function parseRetryAfter(headers: Record<string, unknown>): number | undefined {
  const ms = Number(headers['retry-after-ms']);
  if (headers['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers['retry-after'];
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Reads a body as text, at most `limit` bytes (64 KiB suits an error body: bounded, yet enough). */
export async function readBody(stream: Readable, limit = MAX_ERROR_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(buffer);
    size += buffer.length;
    if (size >= limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

/** The upstream's own words from an error body: the envelope's message, else the text itself. */
function messageOf(body: unknown, fallback: string): string {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
  }
  const envelope = parsed as { error?: unknown; message?: unknown; detail?: unknown } | undefined;
  const candidates = [readErrorMessage(envelope?.error), envelope?.message, envelope?.detail];
  const fromJson = candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '');
  const text = fromJson ?? (typeof body === 'string' ? body.trim() : '');
  const clean = text.replace(/\s+/g, ' ');
  if (!clean) return fallback;
  return clean.length > MAX_MESSAGE_CHARS ? `${clean.slice(0, MAX_MESSAGE_CHARS)}…` : clean;
}

/** A non-2xx answer: 502 with the upstream's message; retryable for 408, 429 and 5xx. */
export function errorFromResponse(
  where: string,
  status: number,
  headers: Record<string, unknown>,
  body: unknown,
): LlmUpstreamError {
  const message = messageOf(body, `HTTP ${status}`);
  return new LlmUpstreamError(`LLM upstream (${where}) answered ${status}: ${message}`, {
    retryable: status === 408 || status === 429 || status >= 500,
    retryAfterMs: parseRetryAfter(headers),
  });
}

/** The error code of a network failure, looking through axios' wrapping. */
function networkCode(error: unknown, depth = 0): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  // axios' own codes (`ERR_BAD_RESPONSE`, ...) say less than the socket's underneath.
  if (typeof code === 'string' && !code.startsWith('ERR_')) return code;
  return cause && depth < 5 ? networkCode(cause, depth + 1) : undefined;
}

/** A failure without an HTTP answer (refused, reset, DNS, connect timeout). */
export function errorFromException(where: string, error: unknown): LlmUpstreamError {
  if (error instanceof LlmUpstreamError) return error;
  const code = networkCode(error);
  if (code === CONNECT_TIMEOUT_CODE) {
    return new LlmUpstreamError(`LLM upstream (${where}) did not accept a connection in time`, {
      status: 504,
      code: 'upstream_timeout',
      retryable: true,
    });
  }
  const reason = code ?? (error instanceof Error ? error.message : 'unknown error');
  return new LlmUpstreamError(`LLM upstream (${where}) is unreachable: ${reason}`, {
    retryable: code !== undefined && RETRYABLE_NETWORK_CODES.has(code),
    cause: error,
  });
}
