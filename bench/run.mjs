// Runs every bench/*.bench.mjs in turn (or those named on the command line).
// Each part measures against the built app in dist/ and writes bench/results/<part>.md.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const parts = readdirSync(here)
  .filter((file) => file.endsWith('.bench.mjs'))
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace('.bench.mjs', '')));

let failed = 0;
for (const part of parts) {
  console.log(`\n=== ${part} ===`);
  const result = spawnSync(process.execPath, ['--expose-gc', join(here, part)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
