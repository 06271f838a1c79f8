import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Every Prometheus metric the service exposes, on its own registry (so tests and
 * several apps in one process never collide). Libraries record; `/metrics` reads.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'answergate_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'answergate_errors_total',
    help: 'Error answers by status and error code',
    labelNames: ['status', 'code'] as const,
    registers: [this.registry],
  });

  readonly activeStreams = new Gauge({
    name: 'answergate_active_sse_streams',
    help: 'Server-Sent Event streams open now',
    registers: [this.registry],
  });

  readonly searchDuration = new Histogram({
    name: 'answergate_search_duration_seconds',
    help: 'Search backend latency by provider and outcome',
    labelNames: ['provider', 'outcome'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly searchCache = new Counter({
    name: 'answergate_search_cache_requests_total',
    help: 'Search cache lookups by result (hit or miss); hit ratio = hit / (hit + miss)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly llmTimeToFirstToken = new Histogram({
    name: 'answergate_llm_time_to_first_token_seconds',
    help: 'Time from the LLM call to its first content token, by provider',
    labelNames: ['provider'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32],
    registers: [this.registry],
  });

  readonly tokens = new Counter({
    name: 'answergate_tokens_total',
    help: 'Tokens used by answers, by kind (prompt or completion)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly researchRounds = new Histogram({
    name: 'answergate_research_rounds',
    help: 'Search-and-reflect rounds per deep research',
    buckets: [1, 2, 3, 4, 6, 8, 12, 16],
    registers: [this.registry],
  });

  readonly researchPages = new Histogram({
    name: 'answergate_research_pages',
    help: 'Pages read per deep research',
    buckets: [1, 2, 5, 10, 15, 20, 30, 40, 60, 100],
    registers: [this.registry],
  });

  readonly jobs = new Counter({
    name: 'answergate_async_jobs_total',
    help: 'Async jobs reaching a status (CREATED, IN_PROGRESS, COMPLETED, FAILED)',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  readonly jobQueueDepth = new Gauge({
    name: 'answergate_async_queue_depth',
    help: 'Async jobs waiting to start, as this process last saw the queue',
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'answergate_async_job_duration_seconds',
    help: 'Async job run time, from start to COMPLETED or FAILED, by outcome',
    labelNames: ['status'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
    registers: [this.registry],
  });

  readonly pagesFetched = new Counter({
    name: 'answergate_pages_fetched_total',
    help: 'Pages read for answers, by outcome (ok, cached, failed, blocked by the address policy)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly pageFetchDuration = new Histogram({
    name: 'answergate_page_fetch_duration_seconds',
    help: 'Time to fetch and extract one page, by outcome',
    labelNames: ['outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
    registers: [this.registry],
  });

  readonly citationChecks = new Counter({
    name: 'answergate_citation_checks_total',
    help: 'Citation markers checked against their source, by outcome (supported, unsupported, out_of_range)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'answergate_' });
  }
}
