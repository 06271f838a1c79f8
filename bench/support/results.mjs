// Writing bench/results/<part>.md: a machine line, and Prettier's markdown formatting (the
// results are checked by `prettier --check` like the rest of the repo).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import prettier from 'prettier';
import { ROOT } from './processes.mjs';

/** The results files' machine line. */
export function machine() {
  const cpu = cpus();
  const ram = Math.round(totalmem() / 1024 ** 3);
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'} (os.cpus()), ${ram} GB RAM, Node ${process.version}, ${new Date().toISOString()}; load average 1/5/15 min when written: ${load}`;
}

export async function writeResult(part, markdown) {
  const file = join(ROOT, 'bench', 'results', `${part}.md`);
  const options = (await prettier.resolveConfig(file)) ?? {};
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(file, await prettier.format(markdown, { ...options, parser: 'markdown' }));
  console.log(`wrote bench/results/${part}.md`);
}
