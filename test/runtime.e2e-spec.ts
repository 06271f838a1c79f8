import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const ROOT = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('runtime: Node 24 LTS', () => {
  it('installs a Node 24 binary from the pinned node dev dependency', () => {
    expect(pkg.devDependencies.node).toMatch(/^\^?24\./);
    const version = execFileSync(join(ROOT, 'node_modules', '.bin', 'node'), ['--version'], {
      encoding: 'utf8',
    });
    expect(version.trim()).toMatch(/^v24\./);
  });

  it('runs the e2e suite on that binary in the test command, after the run on the machine Node', () => {
    expect(pkg.scripts.test).toMatch(/"\$npm_node_execpath" node_modules\/jest\/bin\/jest\.js/);
    expect(pkg.scripts.test).toMatch(/&& npm run test:e2e:lts$/);
    // Inside npm scripts `node` is node_modules/.bin/node, the pinned LTS.
    expect(pkg.scripts['test:e2e:lts']).toMatch(
      /node node_modules\/jest\/bin\/jest\.js --selectProjects e2e/,
    );
  });

  it('builds the image on node:24 and claims no Node older than its dependencies need', () => {
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/^ARG NODE_IMAGE=node:24-/m);
    expect(pkg.engines.node).toBe('>=22.12');
  });
});
