import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, RequestTimings } from '@answergate/common';
import type { AuthenticatedRequest } from '@answergate/auth';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Takes the caller's `X-Request-Id` when it is sane, else makes one; echoes it back. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The matched route pattern, the key's fingerprint (never the key) and where the time went. */
function requestFacts(req: IncomingMessage): object {
  const request = req as AuthenticatedRequest;
  return {
    route: (request.route as { path?: string } | undefined)?.path,
    keyId: request.apiKeyId,
    ...RequestTimings.peek(req)?.toLog(),
  };
}

/**
 * JSON lines with pino. Request logs carry id, method, route, status, duration and
 * the key's fingerprint; headers and bodies are never logged, so keys and prompts stay out.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: requestId,
          quietReqLogger: true,
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url.split('?')[0],
            }),
            res: (res: { statusCode: number }) => ({ status: res.statusCode }),
          },
          // Added to the final line only: at the start the route is not matched yet.
          customSuccessObject: (req: IncomingMessage, _res: ServerResponse, line: object) => ({
            ...line,
            ...requestFacts(req),
          }),
          customErrorObject: (
            req: IncomingMessage,
            _res: ServerResponse,
            _e: Error,
            line: object,
          ) => ({
            ...line,
            ...requestFacts(req),
          }),
          customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
            error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        },
      }),
    }),
  ],
})
export class LoggingModule {}
