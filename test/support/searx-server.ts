import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stopByPid, waitUntilReady } from './child-process';
import { freePort } from './free-port';

const ENGINE = resolve(__dirname, '../fixtures/search-backend/answergate_engine');

/** Debian's searx settings: a local engine per category, no bans, JSON-friendly locale. */
function settings(port: number, backendUrl: string, engineTimeoutS: number): string {
  return `
general:
  debug: false
  instance_name: "answergate-test"
  enable_stats: false
search:
  safe_search: 0
  autocomplete: ""
  default_lang: "all"
  ban_time_on_fail: 0
  max_ban_time_on_fail: 0
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
  theme_args:
    oscar_style: logicodev
outgoing:
  request_timeout: ${engineTimeoutS}
  pool_connections: 10
  pool_maxsize: 10
locales:
  en: English
doi_resolvers:
  oadoi.org: "https://oadoi.org/"
default_doi_resolver: "oadoi.org"
engines:
  - name: local
    engine: "${ENGINE}"
    shortcut: loc
    categories: general, images
    base_url: "${backendUrl}"
    enable_http: true
    paging: true
    time_range_support: true
    timeout: ${engineTimeoutS}
${['science', 'videos'].map((category) => engine(category, backendUrl, engineTimeoutS)).join('')}`;
}

/** The same local engine in one more category (\`search_mode: academic\` asks \`science\`). */
function engine(category: string, backendUrl: string, engineTimeoutS: number): string {
  return `
  - name: local-${category}
    engine: "${ENGINE}"
    shortcut: loc${category.slice(0, 3)}
    categories: ${category}
    base_url: "${backendUrl}"
    enable_http: true
    paging: true
    time_range_support: true
    timeout: ${engineTimeoutS}
`;
}

/** Debian's searx on a free port of 127.0.0.1, with its one engine pointing at `backendUrl`. */
export class SearxServer {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(backendUrl: string, engineTimeoutS = 3): Promise<SearxServer> {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'answergate-searx-'));
    const settingsPath = join(dir, 'settings.yml');
    writeFileSync(settingsPath, settings(port, backendUrl, engineTimeoutS));
    // Debian's python sees the packaged searx modules; another python3 on PATH may not.
    const child = spawn('/usr/bin/python3', ['-m', 'searx.webapp'], {
      env: { ...process.env, SEARX_SETTINGS_PATH: settingsPath, PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const server = new SearxServer(child, dir, port);
    const healthy = async () => (await fetch(`${server.url}/healthz`)).ok;
    await waitUntilReady(child, healthy, 'searx', () => output.slice(-4000));
    return server;
  }

  async stop(): Promise<void> {
    await stopByPid(this.child);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
