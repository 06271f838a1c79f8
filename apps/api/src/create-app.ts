import type { Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import cors from 'cors';
import { ApiKeyStore } from '@answergate/auth';
import { AppConfig, Metrics, type RawEnvironment } from '@answergate/common';
import { AppModule } from './app.module';
import { setupSwagger } from './docs/setup-swagger';
import { answerClientErrors } from './http/answer-client-errors';
import { inSequence } from './http/in-sequence';
import { isJsonFromKeyHolder } from './http/is-json-from-key-holder';
import { jsonBody } from './http/json-body';
import { requireJsonBody } from './http/require-json-body.middleware';
import { requestLifecycle } from './http/request-lifecycle.middleware';
import { securityHeaders } from './http/security-headers';
import { shareResponseShape } from './http/shared-response-shape';
import { DrainService } from './lifecycle/drain.service';
import { AppLogger } from './logging/app-logger';
import { RequestLog } from './logging/request-log';

/**
 * Builds the application exactly as production runs it; `main.ts` and the e2e
 * tests both call this, so tests exercise the real middleware and settings.
 */
export async function createApp(environment?: RawEnvironment): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(environment), {
    bodyParser: false,
    bufferLogs: true,
    // A failed start is reported once, by the caller (a configuration error as its clean
    // list): flushing would print the framework's own copy of it, with a stack, first.
    autoFlushLogs: false,
    abortOnError: false,
  });
  const config = app.get(AppConfig);
  app.useLogger(app.get(AppLogger));
  app.flushLogs();
  app.set('trust proxy', config.trustProxy);
  // Every JSON answer carries a fresh id, so an ETag (a SHA-1 of the body) could never match.
  app.set('etag', false);
  const server: Server = app.getHttpServer();
  // Bounds how long a client may take to send its request (slowloris); answers may stream longer.
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = Math.min(config.requestTimeoutMs, 20_000);
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  // Sockets beyond this are closed at accept: idle connections cannot exhaust descriptors.
  server.maxConnections = config.maxConnections;
  answerClientErrors(server);
  // Before Express's own listener: keeps every response on one V8 hidden class (Node 20/22).
  shareResponseShape(server);
  app.disable('x-powered-by');
  // In this order: the lifecycle with CORS first (so 413, 415 and invalid JSON are logged,
  // counted and readable by a browser), then the JSON-only gate and the body parser (JSON
  // from key holders only).
  app.use(
    inSequence(
      requestLifecycle({
        log: app.get(RequestLog),
        metrics: app.get(Metrics),
        headers: securityHeaders(),
        drain: app.get(DrainService),
        cors: cors({ origin: config.corsOrigins === '*' ? '*' : config.corsOrigins }),
      }),
      requireJsonBody(),
      jsonBody({ limit: config.bodyLimit, type: isJsonFromKeyHolder(app.get(ApiKeyStore)) }),
    ),
  );
  if (config.swaggerEnabled) setupSwagger(app);
  return app;
}
