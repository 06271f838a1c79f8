import type {
  CITATION_CHECK_MODES,
  LLM_PROVIDERS,
  LOG_LEVELS,
  NODE_ENVS,
  SEARCH_PROVIDERS,
} from './environment.schema';

/** A model entry from `MODELS`, before the models library turns it into a profile. */
export interface ModelConfigEntry {
  id: string;
  search?: 'normal' | 'pro' | 'research';
  upstreamModel?: string;
  description?: string;
}

/**
 * The validated, typed configuration every module injects. Built once at boot
 * from the environment; nothing else reads `process.env`.
 */
export class AppConfig {
  port!: number;
  host!: string;
  nodeEnv!: (typeof NODE_ENVS)[number];
  /** Keys from `API_KEYS` and `API_KEYS_FILE`, deduplicated. */
  apiKeys!: string[];
  corsOrigins!: '*' | string[];
  bodyLimit!: string;
  logLevel!: (typeof LOG_LEVELS)[number];
  trustProxy!: boolean | number | string;
  searchProvider!: (typeof SEARCH_PROVIDERS)[number];
  searxngUrl?: string;
  localIndexDir!: string;
  /** The web address `localIndexDir` is published at; citations link there. */
  localIndexBaseUrl?: string;
  searchTimeoutMs!: number;
  searchCacheTtlSeconds!: number;
  responsesTtlSeconds!: number;
  searchCacheMaxMb!: number;
  pageFetch!: {
    enabled: boolean;
    timeoutMs: number;
    maxBytes: number;
    maxPages: number;
    allowHosts: string[];
  };
  /** Token budget of the sources block by `search_context_size`. */
  contextTokens!: { low: number; medium: number; high: number };
  citationCheck!: (typeof CITATION_CHECK_MODES)[number];
  llmProvider!: (typeof LLM_PROVIDERS)[number];
  llmBaseUrl?: string;
  llmApiKey?: string;
  llmModel!: string;
  /** Upstream model of the reasoning models; `LLM_MODEL` when unset. */
  llmReasoningModel!: string;
  llmTimeoutMs!: number;
  llmConnectTimeoutMs!: number;
  llmIdleTimeoutMs!: number;
  llmMaxRetries!: number;
  redisUrl?: string;
  models!: ModelConfigEntry[];
  swaggerEnabled!: boolean;
  shutdownGraceMs!: number;
  shutdownDrainDelayMs!: number;
  sseHeartbeatMs!: number;
  requestTimeoutMs!: number;
  keepAliveTimeoutMs!: number;
  rateLimit!: {
    requests: number;
    windowSeconds: number;
    concurrentStreams: number;
    streamLeaseTtlSeconds: number;
    authFailuresPerMinute: number;
  };
  redisBreakerCooldownMs!: number;
  maxConnections!: number;
  metricsToken?: string;
  research!: {
    /** Rounds and pages by reasoning effort. */
    budgets: Record<'low' | 'medium' | 'high', { maxRounds: number; maxPages: number }>;
    concurrency: number;
    maxJobsPerKey: number;
    resultTtlSeconds: number;
    maxAttempts: number;
  };

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }
}
