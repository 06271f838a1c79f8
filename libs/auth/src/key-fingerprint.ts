import { createHash } from 'node:crypto';

/** A short, non-reversible id for a key: safe to log and to use as a rate-limit bucket. */
export function keyFingerprint(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}
