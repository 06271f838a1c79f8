import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig, RedisBreaker } from '@answergate/common';
import { createSearchCache, createSearchProvider } from './search-backends';
import { SearchHealthIndicator } from './search.health';
import { SearchService } from './search.service';
import { SEARCH_CACHE, SEARCH_PROVIDER } from './search.tokens';

/** Search behind one facade; the backend and the cache are chosen from configuration. */
@Module({
  imports: [TerminusModule],
  providers: [
    { provide: SEARCH_PROVIDER, inject: [AppConfig], useFactory: createSearchProvider },
    { provide: SEARCH_CACHE, inject: [AppConfig, RedisBreaker], useFactory: createSearchCache },
    SearchService,
    SearchHealthIndicator,
  ],
  exports: [SearchService, SearchHealthIndicator],
})
export class SearchModule {}
