import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig, Metrics, REDIS_CLIENT } from '@answergate/common';
import { createPageReader, createSearchCache, createSearchProvider } from './search-backends';
import { SearchHealthIndicator } from './search.health';
import { SearchService } from './search.service';
import { PAGE_READER, SEARCH_CACHE, SEARCH_PROVIDER } from './search.tokens';

/** Search behind one facade; the backend and the cache are chosen from configuration. */
@Module({
  imports: [TerminusModule],
  providers: [
    { provide: SEARCH_PROVIDER, inject: [AppConfig], useFactory: createSearchProvider },
    { provide: SEARCH_CACHE, inject: [AppConfig, REDIS_CLIENT], useFactory: createSearchCache },
    {
      provide: PAGE_READER,
      inject: [AppConfig, SEARCH_PROVIDER, SEARCH_CACHE, Metrics],
      useFactory: createPageReader,
    },
    SearchService,
    SearchHealthIndicator,
  ],
  exports: [SearchService, SearchHealthIndicator, PAGE_READER],
})
export class SearchModule {}
