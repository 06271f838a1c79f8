import { readFileSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig, type ModelConfigEntry } from './app-config';
import { ConfigValidationError } from './config-validation.error';
import { EnvironmentVariables } from './environment.schema';
import { stripUserInfo } from '../text/strip-user-info';

/** Never echoed back in a config error: their values are secrets. */
const SECRET_VARIABLES = new Set(['API_KEYS', 'LLM_API_KEY', 'REDIS_URL', 'METRICS_TOKEN']);

export type RawEnvironment = Record<string, string | undefined>;

const splitList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function readKeysFile(path: string, problems: string[]): string[] {
  try {
    return readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
  } catch (error) {
    problems.push(
      `API_KEYS_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
    return [];
  }
}

function parseModels(value: string | undefined, problems: string[]): ModelConfigEntry[] {
  if (!value?.trim()) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    const valid =
      Array.isArray(parsed) &&
      parsed.every(
        (m: Partial<ModelConfigEntry>) =>
          typeof m?.id === 'string' &&
          /^[\w.:/-]{1,64}$/.test(m.id) &&
          (m.search === undefined || ['normal', 'pro', 'research'].includes(m.search)) &&
          (m.upstreamModel === undefined || typeof m.upstreamModel === 'string'),
      );
    if (valid) return parsed as ModelConfigEntry[];
  } catch {
    // reported below
  }
  problems.push(
    'MODELS: must be a JSON array of {"id": string, "search"?: "normal"|"pro"|"research", "upstreamModel"?: string}',
  );
  return [];
}

function researchBudgets(rounds: string, pages: string): AppConfig['research']['budgets'] {
  const [lowRounds, mediumRounds, highRounds] = rounds.split(',').map(Number);
  const [lowPages, mediumPages, highPages] = pages.split(',').map(Number);
  return {
    low: { maxRounds: lowRounds, maxPages: lowPages },
    medium: { maxRounds: mediumRounds, maxPages: mediumPages },
    high: { maxRounds: highRounds, maxPages: highPages },
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** `PORT must be ...` reads `must be ...` after the `PORT:` prefix; repeated reasons once. */
function reasonsFor(variable: string, constraints: string[]): string {
  const unnamed = constraints.map((reason) =>
    reason.startsWith(`${variable} `) ? reason.slice(variable.length + 1) : reason,
  );
  return [...new Set(unnamed)].join('; ');
}

/** Validates the raw environment and builds the typed `AppConfig`, or throws listing every problem. */
export function loadAppConfig(raw: RawEnvironment): AppConfig {
  // `NAME=` (as in a copied .env.example) means "not set", so the default applies.
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(EnvironmentVariables, given, { excludeExtraneousValues: false });
  const problems = validateSync(env).map((error) => {
    const reasons = reasonsFor(error.property, Object.values(error.constraints ?? {}));
    const shown = SECRET_VARIABLES.has(error.property)
      ? ''
      : ` (got ${stripUserInfo(JSON.stringify(raw[error.property] ?? null))})`;
    return `${error.property}: ${reasons}${shown}`;
  });
  const fileKeys = env.API_KEYS_FILE ? readKeysFile(env.API_KEYS_FILE, problems) : [];
  const models = parseModels(env.MODELS, problems);
  if (problems.length > 0) throw new ConfigValidationError(problems);

  const searchProvider = env.SEARCH_PROVIDER ?? (env.SEARXNG_URL ? 'searxng' : 'local');
  return Object.assign(new AppConfig(), {
    port: env.PORT,
    host: env.HOST,
    nodeEnv: env.NODE_ENV,
    apiKeys: [...new Set([...splitList(env.API_KEYS), ...fileKeys])],
    corsOrigins: env.CORS_ORIGINS.trim() === '*' ? '*' : splitList(env.CORS_ORIGINS),
    bodyLimit: env.BODY_LIMIT,
    logLevel: env.LOG_LEVEL,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    searchProvider,
    searxngUrl: env.SEARXNG_URL,
    localIndexDir: env.LOCAL_INDEX_DIR,
    localIndexBaseUrl: env.LOCAL_INDEX_BASE_URL,
    searchTimeoutMs: env.SEARCH_TIMEOUT_MS,
    searchCacheTtlSeconds: env.SEARCH_CACHE_TTL_SECONDS,
    responsesTtlSeconds: env.RESPONSES_TTL_SECONDS,
    searchCacheMaxMb: env.SEARCH_CACHE_MAX_MB,
    pageFetch: {
      enabled: (env.PAGE_FETCH ?? (searchProvider === 'searxng' ? 'on' : 'off')) === 'on',
      timeoutMs: env.PAGE_FETCH_TIMEOUT_MS,
      maxBytes: env.PAGE_FETCH_MAX_BYTES,
      maxPages: env.PAGE_FETCH_MAX_PAGES,
      allowHosts: splitList(env.PAGE_FETCH_ALLOW_HOSTS),
    },
    contextTokens: {
      low: env.CONTEXT_TOKENS_LOW,
      medium: env.CONTEXT_TOKENS_MEDIUM,
      high: env.CONTEXT_TOKENS_HIGH,
    },
    citationCheck: env.CITATION_CHECK,
    llmProvider: env.LLM_PROVIDER ?? (env.LLM_BASE_URL ? 'openai' : 'extractive'),
    llmBaseUrl: env.LLM_BASE_URL,
    llmApiKey: env.LLM_API_KEY,
    llmModel: env.LLM_MODEL,
    llmReasoningModel: env.LLM_REASONING_MODEL ?? env.LLM_MODEL,
    llmTimeoutMs: env.LLM_TIMEOUT_MS,
    llmConnectTimeoutMs: env.LLM_CONNECT_TIMEOUT_MS,
    llmIdleTimeoutMs: env.LLM_IDLE_TIMEOUT_MS,
    llmMaxRetries: env.LLM_MAX_RETRIES,
    redisUrl: env.REDIS_URL || undefined,
    models,
    swaggerEnabled: env.SWAGGER_ENABLED,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    shutdownDrainDelayMs: env.SHUTDOWN_DRAIN_DELAY_MS,
    sseHeartbeatMs: env.SSE_HEARTBEAT_MS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: env.KEEP_ALIVE_TIMEOUT_MS,
    rateLimit: {
      requests: env.RATE_LIMIT_REQUESTS,
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      concurrentStreams: env.RATE_LIMIT_CONCURRENT_STREAMS,
      streamLeaseTtlSeconds: env.STREAM_LEASE_TTL_SECONDS,
      authFailuresPerMinute: env.AUTH_FAILURES_PER_MINUTE,
    },
    redisBreakerCooldownMs: env.REDIS_BREAKER_COOLDOWN_MS,
    maxConnections: env.MAX_CONNECTIONS,
    metricsToken: env.METRICS_TOKEN || undefined,
    research: {
      budgets: researchBudgets(env.RESEARCH_MAX_ROUNDS, env.RESEARCH_MAX_PAGES),
      concurrency: env.RESEARCH_CONCURRENCY,
      maxJobsPerKey: env.RESEARCH_MAX_JOBS_PER_KEY,
      resultTtlSeconds: env.RESEARCH_RESULT_TTL_SECONDS,
      maxAttempts: env.RESEARCH_MAX_ATTEMPTS,
    },
  });
}
