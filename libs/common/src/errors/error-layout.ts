import type { ErrorEnvelope } from './error-envelope';

/** Paths that are neither layout's API: probes, metrics and the docs keep OpenAI's codes. */
const OPERATIONAL_PREFIXES = ['/health', '/metrics', '/docs'];

/**
 * Two path layouts serve the same API: `/v1/...` (OpenAI's, string `code`s) and the
 * server root (Perplexity's, whose envelope carries the HTTP status as a numeric `code`,
 * which `@ai-sdk/perplexity` reads). The layout is decided by path alone.
 */
export function usesNumericErrorCode(path: string): boolean {
  if (path === '/v1' || path.startsWith('/v1/')) return false;
  return !OPERATIONAL_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The envelope as the layout of `path` spells it. */
export function envelopeForPath(body: ErrorEnvelope, status: number, path: string): ErrorEnvelope {
  if (!usesNumericErrorCode(path)) return body;
  return { error: { ...body.error, code: status } };
}
