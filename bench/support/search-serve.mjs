// A server for the search benchmark, in its own process: `answergate` (the built app, as in
// production) or `express` (a bare handler returning BENCH_SAMPLE). Sends `{ port }` to the
// parent over IPC (stdout carries the app's logs). Exits on SIGTERM, so a CPU profile is written.
// BENCH_DIST names another build of the app (an earlier commit's, for a before/after).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BENCH_KEY, ROOT } from './processes.mjs';

const require = createRequire(import.meta.url);
let server;
if (process.argv[2] === 'answergate') {
  const dist = process.env.BENCH_DIST ?? join(ROOT, 'dist');
  const { createApp } = require(join(dist, 'apps', 'api', 'src', 'create-app.js'));
  const app = await createApp({
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    API_KEYS: BENCH_KEY,
    RATE_LIMIT_REQUESTS: '0',
    SWAGGER_ENABLED: 'false',
    LOCAL_INDEX_DIR: join(ROOT, 'docs'),
  });
  await app.listen(0, '127.0.0.1');
  server = app.getHttpServer();
} else {
  const express = require('express');
  const sample = JSON.parse(process.env.BENCH_SAMPLE);
  const bare = express();
  bare.use(express.json());
  bare.post('/v1/search', (_req, res) => res.json(sample));
  server = await new Promise((resolve) => {
    const listening = bare.listen(0, '127.0.0.1', () => resolve(listening));
  });
}
process.once('SIGTERM', () => process.exit(0));
process.send({ port: server.address().port });
