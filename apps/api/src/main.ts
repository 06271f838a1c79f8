import 'reflect-metadata';
import { ApiKeyStore } from '@answergate/auth';
import { AppConfig, ConfigValidationError, stripUserInfo } from '@answergate/common';
import { createApp } from './create-app';
import { installGracefulShutdown } from './lifecycle/graceful-shutdown';
import { AppLogger } from './logging/app-logger';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfig);
  const logger = app.get(AppLogger);
  installGracefulShutdown(
    app,
    { graceMs: config.shutdownGraceMs, drainDelayMs: config.shutdownDrainDelayMs },
    logger,
  );
  await app.listen(config.port, config.host);
  const keys = app.get(ApiKeyStore);
  if (!keys.hasKeys) {
    logger.warn(
      'No API keys configured (API_KEYS, API_KEYS_FILE): every /v1 request answers 503 until one is set.',
      'Bootstrap',
    );
  }

  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const generatedKey = keys.generatedKey;
  // Printed once to the terminal, deliberately not through the logger: logs never hold keys.
  process.stdout.write(`\nAnswergate listening on ${url} (Swagger UI: ${url}/docs)\n`);
  if (generatedKey) {
    process.stdout.write(
      `No API_KEYS configured: generated a key for this run only:\n\n  ${generatedKey}\n\n`,
    );
  }
}

bootstrap().catch((error: unknown) => {
  // A bad configuration names each variable; anything else gets its message, not a stack.
  const message =
    error instanceof ConfigValidationError ? error.message : `Startup failed: ${String(error)}`;
  process.stderr.write(`${stripUserInfo(message)}\n`);
  process.exit(1);
});
