// Debian's searx for benchmarks, with its one engine (test/fixtures/search-backend/answergate_engine.py)
// pointing at a synthetic web in its own process: any query has 3 to 8 results, all on page 1,
// as a narrow question has on a real engine. Both are started on free ports and stopped by pid.
import { fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, ROOT, stopChild, track } from './processes.mjs';

const ENGINE = join(ROOT, 'test', 'fixtures', 'search-backend', 'answergate_engine');

function settings(port, backendUrl) {
  return `
general: { debug: false, instance_name: "answergate-bench", enable_stats: false }
search: { safe_search: 0, autocomplete: "", default_lang: "all", ban_time_on_fail: 0, max_ban_time_on_fail: 0 }
server:
  port: ${port}
  bind_address: "127.0.0.1"
  secret_key: "${randomBytes(16).toString('hex')}"
  base_url: false
  image_proxy: false
  http_protocol_version: "1.0"
  method: "GET"
ui:
  static_path: "/usr/share/python3-searx/static"
  templates_path: "/usr/share/python3-searx/templates"
  default_theme: oscar
  default_locale: "en"
  theme_args: { oscar_style: logicodev }
outgoing: { request_timeout: 3, pool_connections: 20, pool_maxsize: 20 }
locales: { en: English }
doi_resolvers: { oadoi.org: "https://oadoi.org/" }
default_doi_resolver: "oadoi.org"
engines:
  - name: local
    engine: "${ENGINE}"
    shortcut: loc
    categories: general
    base_url: "${backendUrl}"
    enable_http: true
    paging: true
    time_range_support: true
    timeout: 3
`;
}

/** 3..8 results for page 1 of any query (stable per query), none after. */
function serveWeb() {
  // Pages asked for, by number: the bench checks which pages the gateway asked beyond page 1.
  const asked = {};
  const server = createServer((req, res) => {
    const params = new URL(req.url, 'http://web').searchParams;
    const q = params.get('q') ?? '';
    const page = Number(params.get('pageno') ?? 1);
    asked[page] = (asked[page] ?? 0) + 1;
    let hash = 0;
    for (const ch of q) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
    const count = page === 1 ? 3 + (hash % 6) : 0;
    const results = Array.from({ length: count }, (_, i) => ({
      url: `https://site${i}.example.com/${encodeURIComponent(q.slice(0, 40))}`,
      title: `${q} — result ${i + 1}`,
      content: `${q}: a page that answers it in some detail, number ${i + 1}. `.repeat(4),
      published: '2026-11-01T08:00:00+00:00',
    }));
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ results }));
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('message', () => process.send({ asked }));
  process.on('disconnect', () => process.exit(0));
}

/** Starts the synthetic web and searx over it; resolves with searx's URL, pagesAsked() and stop(). */
export async function startSearx() {
  const web = track(fork(fileURLToPath(import.meta.url), ['--serve'], { stdio: 'inherit' }));
  const { port: webPort } = await new Promise((resolve) => web.once('message', resolve));
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'answergate-bench-searx-'));
  writeFileSync(join(dir, 'settings.yml'), settings(port, `http://127.0.0.1:${webPort}`));
  const searx = track(
    spawn('/usr/bin/python3', ['-m', 'searx.webapp'], {
      env: {
        ...process.env,
        SEARX_SETTINGS_PATH: join(dir, 'settings.yml'),
        PYTHONDONTWRITEBYTECODE: '1',
      },
      stdio: ['ignore', 'ignore', 'ignore'],
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (searx.exitCode !== null) throw new Error(`searx exited with ${searx.exitCode}`);
    const ok = await globalThis
      .fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('searx did not start in 20 s');
    await sleep(100);
  }
  return {
    url,
    pid: searx.pid,
    /** How many times searx's engine asked the web for each page number so far. */
    pagesAsked: () =>
      new Promise((resolve) => {
        web.once('message', (message) => resolve(message.asked));
        web.send({});
      }),
    stop: async () => {
      await stopChild(searx);
      await stopChild(web);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[2] === '--serve') serveWeb();
