import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@answergate/common';
import { secretDigest as digest } from './bearer-token';
import { keyFingerprint } from './key-fingerprint';

/**
 * Holds the accepted API keys as digests. Outside production, with no keys
 * configured, it makes one random key so the service starts with no set-up.
 */
@Injectable()
export class ApiKeyStore {
  private readonly digests: Buffer[];
  /** The key made at startup, if any; printed once by the bootstrap, never logged. */
  readonly generatedKey: string | undefined;

  constructor(config: AppConfig) {
    const keys = [...config.apiKeys];
    if (keys.length === 0 && !config.isProduction) {
      this.generatedKey = `ag-${randomBytes(24).toString('base64url')}`;
      keys.push(this.generatedKey);
    }
    this.digests = keys.map(digest);
  }

  get hasKeys(): boolean {
    return this.digests.length > 0;
  }

  /**
   * Constant-time check: both sides are hashed to equal length and every stored
   * key is compared, so timing says nothing about which key or how much matched.
   */
  verify(candidate: string): boolean {
    const candidateDigest = digest(candidate);
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
