import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@answergate/common';
import { bearerToken, secretDigest as digest } from './bearer-token';
import { fingerprintOfDigest, keyFingerprint } from './key-fingerprint';

/** The verdict on a request's bearer key; `keyId` (its fingerprint) only when it is valid. */
export interface KeyCheck {
  readonly valid: boolean;
  readonly keyId?: string;
}

const CHECKED = Symbol('answergate.keyCheck');
const REFUSED: KeyCheck = Object.freeze({ valid: false });
type Checked = IncomingMessage & { [CHECKED]?: KeyCheck | null };

/**
 * Holds the accepted API keys as digests. Outside production, with no keys
 * configured, it makes one random key so the service starts with no set-up.
 */
@Injectable()
export class ApiKeyStore {
  private readonly digests: Buffer[];
  /** The verdict for each accepted key (same order as `digests`), made once. */
  private readonly accepted: KeyCheck[];
  /** The key made at startup, if any; printed once by the bootstrap, never logged. */
  readonly generatedKey: string | undefined;

  constructor(config: AppConfig) {
    const keys = [...config.apiKeys];
    if (keys.length === 0 && !config.isProduction) {
      this.generatedKey = `ag-${randomBytes(24).toString('base64url')}`;
      keys.push(this.generatedKey);
    }
    this.digests = keys.map(digest);
    this.accepted = this.digests.map((known) =>
      Object.freeze({ valid: true, keyId: fingerprintOfDigest(known) }),
    );
  }

  get hasKeys(): boolean {
    return this.digests.length > 0;
  }

  /**
   * Constant-time check: both sides are hashed to equal length and every stored
   * key is compared, so timing says nothing about which key or how much matched.
   */
  verify(candidate: string): boolean {
    return this.matches(digest(candidate));
  }

  /**
   * The request's `Authorization: Bearer` key checked once and the verdict kept on the
   * request: the body parser's gate, the guard and the error filter all ask, and the key
   * is hashed once. Undefined when the header holds no bearer token.
   */
  check(req: IncomingMessage): KeyCheck | undefined {
    const request = req as Checked;
    if (request[CHECKED] !== undefined) return request[CHECKED] ?? undefined;
    const key = bearerToken(req.headers.authorization);
    let verdict: KeyCheck | null = null;
    if (key !== undefined) verdict = this.verdictFor(digest(key));
    request[CHECKED] = verdict;
    return verdict ?? undefined;
  }

  /** Like `matches`, every stored key compared; the accepted key's verdict, made once. */
  private verdictFor(candidateDigest: Buffer): KeyCheck {
    let verdict = REFUSED;
    for (let index = 0; index < this.digests.length; index += 1) {
      if (timingSafeEqual(candidateDigest, this.digests[index])) verdict = this.accepted[index];
    }
    return verdict;
  }

  private matches(candidateDigest: Buffer): boolean {
    let matched = false;
    for (const known of this.digests) {
      matched = timingSafeEqual(candidateDigest, known) || matched;
    }
    return matched;
  }

  fingerprint(key: string): string {
    return keyFingerprint(key);
  }
}
