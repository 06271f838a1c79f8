import { secretDigest } from './bearer-token';

const FINGERPRINT_BYTES = 6;

/** A short, non-reversible id for a key: safe to log and to use as a rate-limit bucket. */
export function keyFingerprint(key: string): string {
  return fingerprintOfDigest(secretDigest(key));
}

/** The same id from the key's SHA-256 digest, when it is at hand already (12 hex digits). */
export function fingerprintOfDigest(sha256: Buffer): string {
  return sha256.toString('hex', 0, FINGERPRINT_BYTES);
}
