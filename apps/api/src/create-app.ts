import type { Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ApiKeyStore } from '@answergate/auth';
import { AppConfig, Metrics, type RawEnvironment } from '@answergate/common';
import { AppModule } from './app.module';
import { setupSwagger } from './docs/setup-swagger';
import { answerClientErrors } from './http/answer-client-errors';
import { isJsonFromKeyHolder } from './http/is-json-from-key-holder';
import { requireJsonBody } from './http/require-json-body.middleware';
import { DrainService } from './lifecycle/drain.service';
import { drainRequests } from './lifecycle/drain-requests.middleware';
import { httpMetrics } from './metrics/http-metrics.middleware';

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
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.set('trust proxy', config.trustProxy);
  const server: Server = app.getHttpServer();
  // Bounds how long a client may take to send its request (slowloris); answers may stream longer.
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = Math.min(config.requestTimeoutMs, 20_000);
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  // Sockets beyond this are closed at accept: idle connections cannot exhaust descriptors.
  server.maxConnections = config.maxConnections;
  answerClientErrors(server);
  app.use(requireJsonBody());
  app.useBodyParser('json', {
    limit: config.bodyLimit,
    type: isJsonFromKeyHolder(app.get(ApiKeyStore)),
  });
  app.enableCors({ origin: config.corsOrigins === '*' ? '*' : config.corsOrigins });
  // Internal deployments often serve plain HTTP: upgrading the Swagger UI's own
  // scripts to https would leave /docs blank there.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(httpMetrics(app.get(Metrics)));
  app.use(drainRequests(app.get(DrainService)));
  if (config.swaggerEnabled) setupSwagger(app);
  return app;
}
