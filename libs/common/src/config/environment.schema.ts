import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const SEARCH_PROVIDERS = ['local', 'searxng'] as const;
export const LLM_PROVIDERS = ['extractive', 'openai'] as const;

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/**
 * Every environment variable the service reads, with its rule and default.
 * `.env.example` documents the same list; a config spec keeps them in step.
 */
export class EnvironmentVariables {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
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

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  SEARCH_TIMEOUT_MS = 8000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86_400)
  SEARCH_CACHE_TTL_SECONDS = 300;

  /** How long `store: true` responses stay readable (GET /v1/responses/{id}, follow-ups). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_592_000)
  RESPONSES_TTL_SECONDS = 3600;

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

  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  LLM_TIMEOUT_MS = 60_000;

  /** TCP connect to the LLM upstream. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  LLM_CONNECT_TIMEOUT_MS = 5000;

  /** A streaming LLM call fails when the upstream sends no byte for this long. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600_000)
  LLM_IDLE_TIMEOUT_MS = 30_000;

  /** Retries of an LLM call that failed before its first byte (refused, reset, 5xx, 429). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5)
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

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_GRACE_MS = 10_000;

  /** Requests a key may make per window (0 turns the limit off). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  RATE_LIMIT_REQUESTS = 600;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** Streams a key may hold open at once (0 turns the limit off). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  RATE_LIMIT_CONCURRENT_STREAMS = 50;

  /** When set, `/metrics` needs `Authorization: Bearer <METRICS_TOKEN>`. */
  @IsOptional()
  @IsString()
  METRICS_TOKEN?: string;

  /** Time a client has to send a whole request (headers and body); slow senders get 408. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  REQUEST_TIMEOUT_MS = 30_000;

  /** Idle keep-alive connections are kept this long; above a load balancer's own idle timeout. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  KEEP_ALIVE_TIMEOUT_MS = 65_000;

  /** A comment line keeps idle SSE streams open through proxies. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(300_000)
  SSE_HEARTBEAT_MS = 15_000;
}
