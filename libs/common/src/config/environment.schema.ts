import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUrl, Matches, ValidateIf } from 'class-validator';
import { IntegerInRange } from './integer-in-range';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const SEARCH_PROVIDERS = ['local', 'searxng'] as const;
export const LLM_PROVIDERS = ['extractive', 'openai'] as const;
export const PAGE_FETCH_MODES = ['on', 'off'] as const;
export const CITATION_CHECK_MODES = ['flag', 'strip', 'off'] as const;

/** Three positive counts: low, medium, high. */
const EFFORT_LIST = /^\s*[1-9]\d{0,2}\s*,\s*[1-9]\d{0,2}\s*,\s*[1-9]\d{0,2}\s*$/;

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/**
 * Every environment variable the service reads, with its rule and default.
 * `.env.example` documents the same list; a config spec keeps them in step.
 */
export class EnvironmentVariables {
  @IntegerInRange(1, 65535)
  PORT = 8003;

  @IsString()
  HOST = '0.0.0.0';

  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  /** Comma-separated bearer keys. */
  @IsOptional()
  @IsString()
  API_KEYS?: string;

  /** A mounted secret file, one key a line (`#` comments allowed). */
  @IsOptional()
  @IsString()
  API_KEYS_FILE?: string;

  /** `*` or a comma-separated list of origins. */
  @IsString()
  CORS_ORIGINS = '*';

  @Matches(/^\d+(b|kb|mb)?$/i, { message: 'BODY_LIMIT must look like 1mb, 512kb or 1048576' })
  BODY_LIMIT = '1mb';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Express `trust proxy`: false, true, a hop count, or a list of addresses. */
  @IsString()
  TRUST_PROXY = 'false';

  @IsOptional()
  @IsIn(SEARCH_PROVIDERS)
  SEARCH_PROVIDER?: (typeof SEARCH_PROVIDERS)[number];

  @ValidateIf((env: EnvironmentVariables) => env.SEARCH_PROVIDER === 'searxng' || !!env.SEARXNG_URL)
  @IsUrl(URL_OPTIONS, {
    message: 'SEARXNG_URL must be an http(s) URL (required when SEARCH_PROVIDER=searxng)',
  })
  SEARXNG_URL?: string;

  @IsString()
  LOCAL_INDEX_DIR = 'docs';

  /** The web address LOCAL_INDEX_DIR is published at: citations become `<url>/<file path>`. */
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'LOCAL_INDEX_BASE_URL must be an http(s) URL' })
  LOCAL_INDEX_BASE_URL?: string;

  @IntegerInRange(100, 120_000)
  SEARCH_TIMEOUT_MS = 8000;

  @IntegerInRange(0, 86_400)
  SEARCH_CACHE_TTL_SECONDS = 300;

  /** How long `store: true` responses stay readable (GET /v1/responses/{id}, follow-ups). */
  @IntegerInRange(1, 2_592_000)
  RESPONSES_TTL_SECONDS = 3600;
  /** Budget of the in-process search cache (unused with REDIS_URL, where Redis holds it). */
  @IntegerInRange(1, 65_536)
  SEARCH_CACHE_MAX_MB = 64;

  /** Read the pages behind web results (default `on` with SearXNG; the local index has full text). */
  @IsOptional()
  @IsIn(PAGE_FETCH_MODES)
  PAGE_FETCH?: (typeof PAGE_FETCH_MODES)[number];

  /** Time cap of one page read, redirects included. */
  @IntegerInRange(100, 60_000)
  PAGE_FETCH_TIMEOUT_MS = 3000;

  /** Bytes read of one page at most (after decompression). */
  @IntegerInRange(1024, 100 * 1024 * 1024)
  PAGE_FETCH_MAX_BYTES = 2 * 1024 * 1024;

  /** How many of the top results have their pages read. */
  @IntegerInRange(1, 20)
  PAGE_FETCH_MAX_PAGES = 5;

  /** `host[:port]` entries fetched even on private addresses or other ports (intranet, tests). */
  @IsOptional()
  @Matches(
    /^\s*(\[[0-9a-fA-F:.]+\]|[\w.-]+)(:\d{1,5})?\s*(,\s*(\[[0-9a-fA-F:.]+\]|[\w.-]+)(:\d{1,5})?\s*)*$/,
    {
      message: 'PAGE_FETCH_ALLOW_HOSTS must be a comma-separated list of host or host:port',
    },
  )
  PAGE_FETCH_ALLOW_HOSTS?: string;

  /** Token budget of the sources an answer sees, by `search_context_size`. */
  @IntegerInRange(100, 1_000_000)
  CONTEXT_TOKENS_LOW = 2000;

  @IntegerInRange(100, 1_000_000)
  CONTEXT_TOKENS_MEDIUM = 6000;

  @IntegerInRange(100, 1_000_000)
  CONTEXT_TOKENS_HIGH = 16_000;

  /** Unsupported citation markers: only reported (`flag`), also removed (`strip`), or not checked. */
  @IsIn(CITATION_CHECK_MODES)
  CITATION_CHECK: (typeof CITATION_CHECK_MODES)[number] = 'flag';

  @IsOptional()
  @IsIn(LLM_PROVIDERS)
  LLM_PROVIDER?: (typeof LLM_PROVIDERS)[number];

  @ValidateIf((env: EnvironmentVariables) => env.LLM_PROVIDER === 'openai' || !!env.LLM_BASE_URL)
  @IsUrl(URL_OPTIONS, {
    message: 'LLM_BASE_URL must be an http(s) URL (required when LLM_PROVIDER=openai)',
  })
  LLM_BASE_URL?: string;

  @IsOptional()
  @IsString()
  LLM_API_KEY?: string;

  @IsString()
  LLM_MODEL = 'default';

  /** The upstream model of `sonar-reasoning` and `sonar-reasoning-pro` (default: `LLM_MODEL`). */
  @IsOptional()
  @IsString()
  LLM_REASONING_MODEL?: string;

  @IntegerInRange(100, 600_000)
  LLM_TIMEOUT_MS = 60_000;

  /** TCP connect to the LLM upstream. */
  @IntegerInRange(100, 120_000)
  LLM_CONNECT_TIMEOUT_MS = 5000;

  /** A streaming LLM call fails when the upstream sends no byte for this long. */
  @IntegerInRange(100, 600_000)
  LLM_IDLE_TIMEOUT_MS = 30_000;

  /** Retries of an LLM call that failed before its first byte (refused, reset, 5xx, 429). */
  @IntegerInRange(0, 5)
  LLM_MAX_RETRIES = 2;

  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['redis', 'rediss'] },
    {
      message: 'REDIS_URL must be a redis:// or rediss:// URL',
    },
  )
  REDIS_URL?: string;

  /** JSON list of extra models: `[{"id":"x","search":"pro","upstreamModel":"y"}]`. */
  @IsOptional()
  @IsString()
  MODELS?: string;

  @Transform(toBoolean)
  @IsBoolean()
  SWAGGER_ENABLED = true;

  @IntegerInRange(0, 600_000)
  SHUTDOWN_GRACE_MS = 10_000;

  /**
   * After SIGTERM, readiness fails but requests are still served for this long (each response
   * closing its connection), so a load balancer takes the replica out before it refuses work.
   */
  @IntegerInRange(0, 120_000)
  SHUTDOWN_DRAIN_DELAY_MS = 0;

  /** Requests a key may make per window (0 turns the limit off). */
  @IntegerInRange(0, 1_000_000)
  RATE_LIMIT_REQUESTS = 600;

  @IntegerInRange(1, 86_400)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** Streams a key may hold open at once (0 turns the limit off). */
  @IntegerInRange(0, 100_000)
  RATE_LIMIT_CONCURRENT_STREAMS = 50;

  /** A stream's slot is a lease renewed while it is open; a lost one frees itself after this. */
  @IntegerInRange(1, 3600)
  STREAM_LEASE_TTL_SECONDS = 60;

  /** Failed authentications one client address may make per minute (0 turns the limit off). */
  @IntegerInRange(0, 1_000_000)
  AUTH_FAILURES_PER_MINUTE = 30;

  /** After a Redis failure, Redis is skipped (in-process fallback) for this long, then probed. */
  @IntegerInRange(100, 600_000)
  REDIS_BREAKER_COOLDOWN_MS = 5000;

  /** Open sockets the server accepts at once; more are refused at connect. */
  @IntegerInRange(1, 1_000_000)
  MAX_CONNECTIONS = 10_000;

  /** When set, `/metrics` needs `Authorization: Bearer <METRICS_TOKEN>`. */
  @IsOptional()
  @IsString()
  METRICS_TOKEN?: string;

  /** Time a client has to send a whole request (headers and body); slow senders get 408. */
  @IntegerInRange(1000, 600_000)
  REQUEST_TIMEOUT_MS = 30_000;

  /** Idle keep-alive connections are kept this long; above a load balancer's own idle timeout. */
  @IntegerInRange(1000, 600_000)
  KEEP_ALIVE_TIMEOUT_MS = 65_000;

  /** A comment line keeps idle SSE streams open through proxies. */
  @IntegerInRange(100, 300_000)
  SSE_HEARTBEAT_MS = 15_000;

  /** Deep research: at most this many rounds for reasoning_effort low, medium, high. */
  @Matches(EFFORT_LIST, { message: 'RESEARCH_MAX_ROUNDS must be three counts, like 2,4,8' })
  RESEARCH_MAX_ROUNDS = '2,4,8';

  /** Deep research: at most this many pages read for reasoning_effort low, medium, high. */
  @Matches(EFFORT_LIST, { message: 'RESEARCH_MAX_PAGES must be three counts, like 5,15,40' })
  RESEARCH_MAX_PAGES = '5,15,40';

  /** Async jobs one process works on at once. */
  @IntegerInRange(1, 256)
  RESEARCH_CONCURRENCY = 2;

  /** Async jobs one key may have queued or running. */
  @IntegerInRange(1, 10_000)
  RESEARCH_MAX_JOBS_PER_KEY = 5;

  /** Finished async jobs are kept this long. */
  @IntegerInRange(60, 31_536_000)
  RESEARCH_RESULT_TTL_SECONDS = 604_800;

  /** Times a job is started before it is failed (a worker dying mid-job costs one attempt). */
  @IntegerInRange(1, 10)
  RESEARCH_MAX_ATTEMPTS = 3;
}
