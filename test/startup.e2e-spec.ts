import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from '@jest/globals';
import { AppProcess, MAIN } from './support/app-process';
import { stopByPid } from './support/child-process';

/** Runs the built service with `env` until it exits; its whole output, stdout then stderr. */
function runUntilExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stopByPid(child);
      reject(new Error(`the app did not exit:\n${stdout}${stderr}`));
    }, 25_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output: stdout + stderr });
    });
  });
}

/** The app's log records matching `match`, once the first is written (logs are asynchronous). */
async function logged(app: AppProcess, match: (record: Record<string, unknown>) => boolean) {
  await app.waitForLog(match);
  return app.logRecords().filter(match);
}

describe('startup', () => {
  let app: AppProcess | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  }, 60_000);

  it('prints only the "Invalid configuration" list for a bad PORT: no framework stack, the name once', async () => {
    const { code, output } = await runUntilExit({ PORT: 'abc', LOG_LEVEL: 'info' });
    expect(code).toBe(1);
    expect(output).toBe(
      'Invalid configuration:\n  - PORT: must be an integer from 1 to 65535 (got "abc")\n',
    );
  }, 60_000);

  it('logs a warning line at start in production when no API key is configured', async () => {
    app = await AppProcess.start({ NODE_ENV: 'production', LOG_LEVEL: 'info' });
    const warnings = await logged(app, (record) => record.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toMatch(/No API keys configured \(API_KEYS, API_KEYS_FILE\)/);
  }, 60_000);
});
