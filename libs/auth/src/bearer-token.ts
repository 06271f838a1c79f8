import { hash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  return header ? BEARER.exec(header)?.[1] : undefined;
}

/**
 * A fixed-length digest (SHA-256), so secrets of any length compare in constant time.
 * The one-shot `hash` costs about half of a `createHash` object on every request.
 */
export const secretDigest = (value: string): Buffer => hash('sha256', value, 'buffer');

/** Constant-time equality of two secrets. */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(secretDigest(a), secretDigest(b));
}
