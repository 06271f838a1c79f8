export { AppConfig, type ModelConfigEntry } from './config/app-config';
export { AppConfigModule } from './config/app-config.module';
export { ConfigValidationError } from './config/config-validation.error';
export { loadAppConfig, type RawEnvironment } from './config/load-app-config';
export { AppError, type OpenAiErrorType } from './errors/app-error';
export { AuthenticationError } from './errors/authentication.error';
export type { ErrorEnvelope, ErrorResponse } from './errors/error-envelope';
export { InvalidRequestError } from './errors/invalid-request.error';
export { NotFoundError } from './errors/not-found.error';
export { OpenAiExceptionFilter } from './errors/openai-exception.filter';
export { REQUEST_AUTHENTICATOR, ROUTE_METHODS } from './errors/errors.tokens';
export type { RouteMethods } from './errors/route-methods.interface';
export { MethodNotAllowedError } from './errors/method-not-allowed.error';
export type { RequestAuthenticator } from './errors/request-authenticator.interface';
export { envelopeForPath, usesNumericErrorCode } from './errors/error-layout';
export { ServiceUnavailableError } from './errors/service-unavailable.error';
export { toErrorResponse } from './errors/to-error-response';
export { UpstreamError } from './errors/upstream.error';
export { UnsupportedMediaTypeError } from './errors/unsupported-media-type.error';
export { RequestTooLargeError } from './errors/request-too-large.error';
export { ApiErrorResponses } from './dto/api-error-responses.decorator';
export { ErrorEnvelopeDto } from './dto/error-envelope.dto';
export { createValidationPipe } from './validation/create-validation-pipe';
export { sendError } from './errors/send-error';
export { streamAsSse, type SseOptions } from './http/stream-as-sse';
export { RequestTimings, type TimingPhase } from './http/request-timings';
export { WriteGate } from './http/write-gate';
export { IsUsDate, parseUsDate } from './validation/us-date';
export { Metrics } from './metrics/metrics.service';
export { MetricsModule } from './metrics/metrics.module';
export { RedisModule } from './redis/redis.module';
export { REDIS_CLIENT } from './redis/redis.tokens';
export { RedisBreaker, type BreakerState } from './redis/redis-breaker';
export { RateLimitError } from './errors/rate-limit.error';
export { isInstructionLike, withoutInstructions } from './text/instruction-like';
export { rememberedText } from './text/remembered-text';
export { stripUserInfo } from './text/strip-user-info';
export {
  countTokens,
  cutAtTokens,
  decodeTokens,
  encodeTokens,
  tokenEnds,
} from './tokens/gpt-tokens';
export { TokenCounter } from './tokens/token-counter';
export { LiveCopies } from './memory/live-copies';
