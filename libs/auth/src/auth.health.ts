import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ApiKeyStore } from './api-key.store';

/** Readiness: without keys every `/v1` call answers 503, so the pod must not take traffic. */
@Injectable()
export class AuthHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly keys: ApiKeyStore,
  ) {}

  check() {
    const session = this.health.check('auth');
    return this.keys.hasKeys
      ? session.up()
      : session.down({ message: 'no API keys configured (API_KEYS or API_KEYS_FILE)' });
  }
}
