import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const CI_RUN = join(__dirname, '..', '.ci', 'run');

/**
 * Runs `.ci/run` with `dpkg`, `id`, `apt-get` and `npm` replaced by scripts that
 * record their calls, so what the script decides is visible and nothing is installed.
 */
function runCi(options: { searxInstalled: boolean; uid: number }) {
  const bin = mkdtempSync(join(tmpdir(), 'ci-run-'));
  const calls = join(bin, 'calls.log');
  const stub = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${calls}"\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  stub('dpkg', `[ "$1 $2" = "-s searx" ] && exit ${options.searxInstalled ? 0 : 1}; exit 1`);
  stub('id', `echo ${options.uid}`);
  stub('apt-get', 'exit 0');
  stub('npm', 'exit 0');
  const result = spawnSync('bash', [CI_RUN], {
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: bin },
    encoding: 'utf8',
  });
  const log = readFileSync(calls, 'utf8');
  rmSync(bin, { recursive: true, force: true });
  return { status: result.status, stderr: result.stderr, calls: log.trim().split('\n') };
}

describe('.ci/run', () => {
  it('takes an installed searx package as present (dpkg -s), installs nothing, runs npm ci and npm test', () => {
    const run = runCi({ searxInstalled: true, uid: 0 });
    expect(run.status).toBe(0);
    expect(run.calls).toContain('dpkg -s searx');
    expect(run.calls.some((call) => call.startsWith('apt-get'))).toBe(false);
    expect(run.calls.filter((call) => call.startsWith('npm'))).toEqual([
      'npm ci --no-audit --no-fund',
      'npm test',
    ]);
  });

  it('installs searx as root when the package is missing', () => {
    const run = runCi({ searxInstalled: false, uid: 0 });
    expect(run.status).toBe(0);
    expect(run.calls.find((call) => call.startsWith('apt-get install'))).toMatch(/ searx$/);
  });

  it('asks a non-root user to install a missing searx, and stops', () => {
    const run = runCi({ searxInstalled: false, uid: 1000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Missing searx/);
    expect(run.calls.some((call) => call.startsWith('npm'))).toBe(false);
  });
});
