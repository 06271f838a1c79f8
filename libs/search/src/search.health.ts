import { Inject, Injectable } from '@nestjs/common';
import { type HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import type { SearchCache } from './search-cache.interface';
import type { SearchProvider } from './search-provider.interface';
import { SEARCH_CACHE, SEARCH_PROVIDER } from './search.tokens';

const PING_TIMEOUT_MS = 3000;

/** Readiness of the search backend and, when it lives outside the process, the cache. */
@Injectable()
export class SearchHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(SEARCH_PROVIDER) private readonly provider: SearchProvider,
    @Inject(SEARCH_CACHE) private readonly cache: SearchCache,
  ) {}

  /** The checks to add to `/health/ready`. */
  checks(): HealthIndicatorFunction[] {
    const checks: HealthIndicatorFunction[] = [() => this.checkBackend()];
    if (this.cache.ping) checks.push(() => this.checkCache());
    return checks;
  }

  async checkBackend() {
    const session = this.health.check('search');
    try {
      await this.provider.ping(AbortSignal.timeout(PING_TIMEOUT_MS));
      return session.up({ provider: this.provider.name });
    } catch (error) {
      return session.down({ provider: this.provider.name, message: messageOf(error) });
    }
  }

  async checkCache() {
    const session = this.health.check(this.cache.name);
    try {
      await this.cache.ping?.(AbortSignal.timeout(PING_TIMEOUT_MS));
      return session.up();
    } catch (error) {
      // Searches still work without the shared cache (every lookup misses), so a Redis
      // outage must not take every replica out of the load balancer at once.
      return session.degraded({ message: messageOf(error) });
    }
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
