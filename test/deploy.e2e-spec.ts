import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getMetadataStorage } from 'class-validator';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import { type AppConfig, loadAppConfig, type RawEnvironment } from '@answergate/common';
import { EnvironmentVariables } from '../libs/common/src/config/environment.schema';
import { startTestApp } from './support/test-app';

/**
 * Checks the deployment files (Dockerfile, docker-compose.yml, deploy/kubernetes)
 * against the application itself: its config schema, its routes, its start command.
 * No Docker engine or cluster is needed; kustomize overlays are rendered here.
 */

const ROOT = resolve(__dirname, '..');
const K8S = join(ROOT, 'deploy/kubernetes');
const TARGETS = ['base', ...readdirSync(join(K8S, 'overlays')).map((name) => `overlays/${name}`)];

const readText = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const readYamlDocuments = (absolutePath: string): any[] =>
  Array.from(parseAllDocuments(readFileSync(absolutePath, 'utf8')), (document) => {
    if (document.errors.length > 0)
      throw new Error(`${absolutePath}: ${document.errors[0].message}`);
    return document.toJS();
  }).filter((value) => value !== null);

const DEFAULTS = new EnvironmentVariables();
/** Every variable the schema declares: fields with defaults plus every decorated optional one. */
const KNOWN_ENV = new Set([
  ...Object.keys(DEFAULTS),
  ...getMetadataStorage()
    .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
    .map((metadata) => metadata.propertyName),
]);
const unknownNames = (names: string[]): string[] => names.filter((name) => !KNOWN_ENV.has(name));

const tempDir = mkdtempSync(join(tmpdir(), 'answergate-deploy-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

describe('the config schema, as these checks read it', () => {
  it('lists every variable, optional ones without a default included', () => {
    expect([...KNOWN_ENV]).toEqual(
      expect.arrayContaining([
        'PORT',
        'SHUTDOWN_GRACE_MS',
        'API_KEYS_FILE',
        'SEARXNG_URL',
        'REDIS_URL',
      ]),
    );
    expect(KNOWN_ENV.has('NOT_A_SETTING')).toBe(false);
  });
});

// ---------------------------------------------------------------- Dockerfile

interface Stage {
  name?: string;
  from: string;
  instructions: { keyword: string; args: string }[];
}

/** Logical instructions (continuations joined, comments dropped), grouped by stage. */
function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (!line && !pending)) continue;
    if (line.endsWith('\\')) pending += `${line.slice(0, -1).trim()} `;
    else {
      lines.push(pending + line);
      pending = '';
    }
  }
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    const [keyword, ...rest] = line.split(/\s+/);
    const rawArgs = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') {
      const [image, as, name] = rawArgs
        .replace(/\$\{(\w+)\}/g, (_, arg: string) => args[arg])
        .split(' ');
      stages.push({
        from: image,
        name: as?.toUpperCase() === 'AS' ? name : undefined,
        instructions: [],
      });
    } else if (stages.length === 0 && keyword.toUpperCase() === 'ARG') {
      const [name, value = ''] = rawArgs.split('=');
      args[name] = value;
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args: rawArgs });
    }
  }
  return { args, stages };
}

const instructions = (stage: Stage, keyword: string): string[] =>
  stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

/** Docker's .dockerignore rules: last match wins, `!` re-includes, a matching parent excludes children. */
function dockerignoreExcludes(text: string): (path: string) => boolean {
  const toRegExp = (glob: string): RegExp => {
    let source = '';
    for (let i = 0; i < glob.length; i += 1) {
      if (glob.startsWith('**/', i)) [source, i] = [`${source}(?:.*/)?`, i + 2];
      else if (glob.startsWith('**', i)) [source, i] = [`${source}.*`, i + 1];
      else if (glob[i] === '*') source += '[^/]*';
      else if (glob[i] === '?') source += '[^/]';
      else source += glob[i].replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
  };
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => ({
      include: line.startsWith('!'),
      pattern: toRegExp(line.replace(/^!/, '').replace(/^\/+|\/+$/g, '')),
    }));
  return (path) => {
    const prefixes = path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (prefixes.some((prefix) => rule.pattern.test(prefix))) excluded = !rule.include;
    }
    return excluded;
  };
}

describe('Dockerfile', () => {
  const { stages } = parseDockerfile(readText('Dockerfile'));
  const runtime = stages.at(-1)!;
  const stageNames = new Set(stages.map((stage) => stage.name));
  const excluded = dockerignoreExcludes(readText('.dockerignore'));

  it('builds in stages from a Node >= 20 image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    for (const stage of stages.filter((s) => !stageNames.has(s.from))) {
      const match = /^node:(\d+)[.-]/.exec(stage.from);
      expect(match).not.toBeNull();
      expect(Number(match![1])).toBeGreaterThanOrEqual(20);
    }
  });

  it('ships production dependencies only, plus dist/ and the docs/ corpus', () => {
    const copies = instructions(runtime, 'COPY');
    const modules = copies.find((args) => / \/app\/node_modules /.test(args));
    const depsStage = stages.find(
      (stage) => stage.name === /--from=(\S+)/.exec(modules ?? '')?.[1],
    );
    expect(instructions(depsStage!, 'RUN').join('\n')).toMatch(/npm ci [^\n]*--omit=dev/);
    expect(copies.some((args) => /--from=\S+ \/app\/dist /.test(args))).toBe(true);
    expect(copies).toContain('docs ./docs');
    expect(instructions(runtime, 'RUN').join('\n')).not.toMatch(/npm (ci|install)/);
  });

  it('runs as a non-root user in production mode', () => {
    const user = instructions(runtime, 'USER').at(-1) ?? 'root';
    expect(user.split(':')[0]).not.toMatch(/^(root|0)$/);
    expect(instructions(runtime, 'ENV').join(' ')).toMatch(/(^|\s)NODE_ENV=production(\s|$)/);
  });

  it('exposes the default port, health-checks liveness with node, stops on SIGTERM', () => {
    expect(instructions(runtime, 'EXPOSE')).toEqual([String(DEFAULTS.PORT)]);
    const [healthcheck] = instructions(runtime, 'HEALTHCHECK');
    const command = JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD') + 3)) as string[];
    expect(command[0]).toBe('node');
    expect(command.join(' ')).toContain('/health/live');
    expect(instructions(runtime, 'STOPSIGNAL')).toEqual(['SIGTERM']);
  });

  it('sizes V8 heap from the memory limit in an entrypoint that then runs the CMD', () => {
    const [entrypoint] = JSON.parse(instructions(runtime, 'ENTRYPOINT').at(-1)!) as string[];
    const copy = instructions(runtime, 'COPY').find((args) => args.endsWith(` ${entrypoint}`));
    const script = copy!.split(' ')[0];
    expect(excluded(script)).toBe(false);
    const heapOf = (environment: Record<string, string>) => {
      const code = 'console.log(require("v8").getHeapStatistics().heap_size_limit / 1048576)';
      const run = spawnSync('sh', [script, process.execPath, '-e', code], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', ...environment },
      });
      return Number(run.stdout.trim());
    };
    // The limit is old space plus the young generation: both are given here as the script sets them.
    const withFlags = (oldMb: number, semiMb: number) =>
      heapOf({ NODE_OPTIONS: `--max-old-space-size=${oldMb} --max-semi-space-size=${semiMb}` });
    // Old space is 75 % of the limit, each semi-space 1/64 of it.
    expect(heapOf({ MEMORY_LIMIT_MB: '512' })).toBe(withFlags(384, 8));
    expect(heapOf({ MEMORY_LIMIT_MB: '768' })).toBe(withFlags(576, 12));
    // An operator's own settings win.
    expect(heapOf({ MEMORY_LIMIT_MB: '512', NODE_OPTIONS: '--max-old-space-size=200' })).toBe(
      withFlags(200, 8),
    );
    expect(heapOf({ MEMORY_LIMIT_MB: '512', NODE_OPTIONS: '--max-semi-space-size=2' })).toBe(
      withFlags(384, 2),
    );
    expect(withFlags(200, 8)).toBeLessThan(withFlags(384, 8));
  });

  it('caps the young generation from the memory limit: 1 to 16 MB a semi-space, none without a limit', () => {
    const script = join(ROOT, 'deploy/docker/node-heap.sh');
    const optionsOf = (environment: Record<string, string>) =>
      spawnSync('sh', [script, 'sh', '-c', 'printf %s "$NODE_OPTIONS"'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', ...environment },
      }).stdout;
    expect(optionsOf({ MEMORY_LIMIT_MB: '512' })).toBe(
      '--max-old-space-size=384 --max-semi-space-size=8',
    );
    expect(optionsOf({ MEMORY_LIMIT_MB: '256' })).toContain('--max-semi-space-size=4');
    expect(optionsOf({ MEMORY_LIMIT_MB: '4096' })).toContain('--max-semi-space-size=16');
    expect(optionsOf({ MEMORY_LIMIT_MB: '32' })).toBe('--max-semi-space-size=1');
    expect(optionsOf({ MEMORY_LIMIT_MB: '512', NODE_OPTIONS: '--max-semi-space-size=2' })).toBe(
      '--max-old-space-size=384 --max-semi-space-size=2',
    );
  });

  it('starts exactly like `npm run start:prod`', () => {
    const pkg = JSON.parse(readText('package.json')) as { scripts: Record<string, string> };
    const cmd = JSON.parse(instructions(runtime, 'CMD').at(-1)!) as string[];
    expect(cmd.join(' ')).toBe(pkg.scripts['start:prod']);
  });

  it('.dockerignore keeps secrets and artefacts out but lets every COPY source in', () => {
    for (const path of [
      '.env',
      '.git/HEAD',
      'node_modules/x/index.js',
      'dist/main.js',
      'coverage/lcov.info',
    ]) {
      expect({ path, excluded: excluded(path) }).toEqual({ path, excluded: true });
    }
    const sources = stages
      .flatMap((stage) => instructions(stage, 'COPY'))
      .filter((args) => !args.includes('--from='))
      .flatMap((args) =>
        args
          .split(' ')
          .filter((token) => !token.startsWith('--'))
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({
        source,
        exists: existsSync(join(ROOT, source)),
        excluded: excluded(source),
      }).toEqual({
        source,
        exists: true,
        excluded: false,
      });
    }
  });
});

// ------------------------------------------------------------ docker compose

/** Compose's `${NAME:-default}`, `${NAME-default}` and `${NAME}`, with nothing set in the shell. */
const withComposeDefaults = (value: string): string =>
  value.replace(/\$\{\w+(?::?-([^}]*))?\}/g, (_, fallback?: string) => fallback ?? '');

describe('docker-compose.yml', () => {
  const compose = parse(readText('docker-compose.yml'));
  const api = compose.services.api;
  /** A key with no value is passed through from the host only when set there, so it is left out. */
  const apiEnv: RawEnvironment = Object.fromEntries(
    Object.entries(api.environment as Record<string, unknown>)
      .filter(([, value]) => value !== null)
      .map(([name, value]) => [name, withComposeDefaults(String(value))]),
  );
  const config = (): AppConfig => loadAppConfig(apiEnv);

  it('gives the api only environment variables the config schema knows', () => {
    expect(Array.isArray(api.environment)).toBe(false);
    expect(unknownNames(Object.keys(api.environment))).toEqual([]);
  });

  it('gives the api a configuration the app accepts: SearXNG, Redis and the trial key', () => {
    const { isProduction, searchProvider, searxngUrl, redisUrl, apiKeys } = config();
    expect(isProduction).toBe(true);
    expect(searchProvider).toBe('searxng');
    expect(new URL(searxngUrl!).hostname).toBe('searxng');
    expect(new URL(redisUrl!).hostname).toBe('redis');
    expect(apiKeys).toEqual(['change-me']);
    const withOllama = loadAppConfig({ ...apiEnv, LLM_BASE_URL: 'http://ollama:11434/v1' });
    expect(withOllama.llmProvider).toBe('openai');
  });

  it('publishes the port the app listens on', () => {
    const published = (api.ports as string[]).map((entry) => withComposeDefaults(entry));
    expect(published).toEqual(['127.0.0.1:8003:8003']);
    expect(Number(published[0].split(':').at(-1))).toBe(config().port);
    expect(config().port).toBe(DEFAULTS.PORT);
  });

  it('waits for healthy dependencies and outlasts the shutdown grace on stop', () => {
    for (const dependency of ['searxng', 'redis']) {
      expect(api.depends_on[dependency]).toEqual({ condition: 'service_healthy' });
      expect(compose.services[dependency].healthcheck.test.length).toBeGreaterThan(0);
    }
    expect(api.healthcheck.test.join(' ')).toMatch(/\/health\/(live|ready)/);
    expect(Number(/^(\d+)s$/.exec(api.stop_grace_period)![1])).toBeGreaterThan(
      config().shutdownGraceMs / 1000,
    );
    expect(api.read_only).toBe(true);
  });

  it('runs SearXNG with JSON output, no limiter and a secret from the environment', () => {
    const searxng = compose.services.searxng;
    expect(searxng.image).toMatch(/^(docker\.io\/)?searxng\/searxng:/);
    expect(searxng.environment.SEARXNG_SECRET).toBeTruthy();
    const mount = (searxng.volumes as string[]).find((v) =>
      v.includes('/etc/searxng/settings.yml'),
    );
    const settings = parse(readText(mount!.split(':')[0]));
    expect(settings.search.formats).toEqual(expect.arrayContaining(['html', 'json']));
    expect(settings.server.limiter).toBe(false);
    expect(settings.server.secret_key).not.toBe('ultrasecretkey');
  });

  it('keeps Ollama behind the `ollama` profile and Redis healthy', () => {
    expect(compose.services.ollama.profiles).toEqual(['ollama']);
    expect(compose.services['ollama-pull'].profiles).toEqual(['ollama']);
    expect(api.profiles).toBeUndefined();
    expect(compose.services.redis.image).toMatch(/^redis:7-alpine$/);
  });
});

// ---------------------------------------------------------------- Kubernetes

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: any };
  [key: string]: any;
}

const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/Ingress': Ingress,
};

function validateAgainstSchema(object: K8sObject): void {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`no schema registered for ${object.apiVersion} ${object.kind}`);
  new Model(object).validate();
}

const isMap = (value: unknown): value is Record<string, any> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** Lists that strategic merge patches merge by `name`; every other list is replaced. */
const LISTS_MERGED_BY_NAME = new Set(['containers', 'initContainers', 'volumes', 'env']);

/** The part of a strategic merge patch our overlays use. */
function strategicMerge(base: unknown, patch: unknown, key = ''): unknown {
  if (isMap(base) && isMap(patch)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [name, value] of Object.entries(patch)) {
      if (value === null) delete merged[name];
      else merged[name] = strategicMerge(base[name], value, name);
    }
    return merged;
  }
  if (Array.isArray(base) && Array.isArray(patch) && LISTS_MERGED_BY_NAME.has(key)) {
    const patched = base.map((item) => {
      const update = patch.find((p) => p.name === item.name);
      return update ? strategicMerge(item, update) : item;
    });
    return [...patched, ...patch.filter((p) => !base.some((item) => item.name === p.name))];
  }
  return patch;
}

const KUSTOMIZATION_FIELDS = new Set([
  'apiVersion',
  'kind',
  'namespace',
  'resources',
  'images',
  'patches',
]);

/** Renders a kustomization the way `kubectl kustomize` does, for the fields we use (and fails on others). */
function renderKustomization(dir: string): K8sObject[] {
  const source = relative(ROOT, dir);
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'));
  const unsupported = Object.keys(kustomization).filter((key) => !KUSTOMIZATION_FIELDS.has(key));
  if (unsupported.length > 0)
    throw new Error(`${source}: teach this renderer ${unsupported.join(', ')}`);

  let objects: K8sObject[] = (kustomization.resources as string[]).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? renderKustomization(path) : readYamlDocuments(path);
  });
  for (const { path, ...selector } of kustomization.patches ?? []) {
    if (Object.keys(selector).length > 0)
      throw new Error(`${source}: patch targets are not supported`);
    for (const { $patch: directive, ...patch } of readYamlDocuments(join(dir, path))) {
      const index = objects.findIndex(
        (o) =>
          o.apiVersion === patch.apiVersion &&
          o.kind === patch.kind &&
          o.metadata.name === patch.metadata.name,
      );
      if (index < 0)
        throw new Error(`${source}/${path}: no ${patch.kind} ${patch.metadata.name} to patch`);
      if (directive === 'delete') objects = objects.filter((_, i) => i !== index);
      else if (directive === undefined)
        objects[index] = strategicMerge(objects[index], patch) as K8sObject;
      else throw new Error(`${source}/${path}: unsupported $patch ${directive}`);
    }
  }
  for (const image of kustomization.images ?? []) {
    for (const container of objects.flatMap((o) => o.spec?.template?.spec?.containers ?? [])) {
      const [, name, tag] = /^(.*?)(?::([^:/]+))?$/.exec(container.image as string)!;
      if (name === image.name) container.image = `${image.newName ?? name}:${image.newTag ?? tag}`;
    }
  }
  if (kustomization.namespace) {
    for (const o of objects.filter((o) => o.kind !== 'Namespace'))
      o.metadata.namespace = kustomization.namespace;
  }
  return objects;
}

const byKind = (objects: K8sObject[], kind: string): K8sObject[] =>
  objects.filter((o) => o.kind === kind);
const only = (objects: K8sObject[], kind: string): K8sObject => {
  const found = byKind(objects, kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0];
};
const named = (objects: K8sObject[], kind: string, name: string): K8sObject | undefined =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);
const matches = (selector: Record<string, string>, labels: Record<string, string>): boolean =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
// A skipped comparison is said out loud, in the test's name and once in the run's output.
const KUBECTL_COMPARISON = hasKubectl
  ? 'renders the same objects as `kubectl kustomize`'
  : 'renders the same objects as `kubectl kustomize` (SKIPPED: kubectl is not installed)';
if (!hasKubectl) {
  console.warn(
    'deploy.e2e-spec: kubectl is not installed, the `kubectl kustomize` comparison is skipped',
  );
}

/**
 * The environment a container gets from its ConfigMaps, its optional Secrets (when they
 * are part of the render; an operator-made one is unknown here) and its `env` values.
 */
function podEnvironment(objects: K8sObject[], container: any): RawEnvironment {
  const sources = (container.envFrom ?? []).map((from: any) => {
    if (from.configMapRef) return named(objects, 'ConfigMap', from.configMapRef.name)!.data;
    if (!from.secretRef?.optional) throw new Error('envFrom: only ConfigMaps and optional Secrets');
    return named(objects, 'Secret', from.secretRef.name)?.stringData ?? {};
  });
  // `valueFrom` entries (the memory limit for the image's heap sizing) are no app settings.
  const values = (container.env ?? [])
    .filter((e: any) => e.valueFrom === undefined)
    .map((e: any) => ({ [e.name]: e.value }));
  return Object.assign({}, ...sources, ...values) as RawEnvironment;
}

describe('Kubernetes manifests', () => {
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  })(K8S);

  it('every file is YAML, and every base resource validates against the Kubernetes schema', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readYamlDocuments(file).length).toBeGreaterThan(0);
    for (const object of renderKustomization(join(K8S, 'base'))) validateAgainstSchema(object);
  });
});

describe.each(TARGETS)('Kubernetes %s, rendered', (target) => {
  let objects: K8sObject[];
  let deployment: K8sObject;
  let pod: any;
  let container: any;
  let httpPort: any;
  let env: RawEnvironment;

  // Rendered here rather than at collection, so a broken overlay fails its own tests only.
  beforeAll(() => {
    objects = renderKustomization(join(K8S, target));
    deployment = only(objects, 'Deployment');
    pod = deployment.spec.template.spec;
    container = pod.containers.find((c: any) => c.name === 'api');
    httpPort = container.ports.find((p: any) => p.name === 'http');
    env = podEnvironment(objects, container);
  });

  it('validates every object against the Kubernetes schema', () => {
    for (const object of objects) validateAgainstSchema(object);
  });

  (hasKubectl ? it : it.skip)(KUBECTL_COMPARISON, () => {
    const output = execFileSync('kubectl', ['kustomize', join(K8S, target)], { encoding: 'utf8' });
    const key = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
    const sorted = (list: K8sObject[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(parseAllDocuments(output).map((d) => d.toJS() as K8sObject))).toEqual(
      sorted(objects),
    );
  });

  it('sets only environment variables the config schema knows, from the ConfigMap', () => {
    expect(container.envFrom.length).toBeGreaterThan(0);
    expect(unknownNames(Object.keys(env))).toEqual([]);
  });

  it('gives the app a configuration it accepts, with keys read from the mounted Secret', () => {
    const keysFile = env.API_KEYS_FILE!;
    const mount = container.volumeMounts.find((m: any) => keysFile.startsWith(`${m.mountPath}/`));
    const volume = pod.volumes.find((v: any) => v.name === mount.name);
    const fileKey = posix.relative(mount.mountPath, keysFile);
    const secret = named(objects, 'Secret', volume.secret.secretName);
    // Production ships no Secret: stand in for the one the operator creates.
    const keys = secret ? secret.stringData[fileKey] : 'an-operator-supplied-key\n';
    const file = join(tempDir, `${target.replace('/', '-')}-keys`);
    writeFileSync(file, keys);

    const config = loadAppConfig({ ...env, API_KEYS_FILE: file });
    expect(config.isProduction).toBe(true);
    expect(config.apiKeys.length).toBeGreaterThan(0);
    expect(config.port).toBe(DEFAULTS.PORT);
    expect(httpPort.containerPort).toBe(config.port);
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(
      Number(container.lifecycle.preStop.exec.command.at(-1)) + config.shutdownGraceMs / 1000,
    );
  });

  it('probes the app health routes on its port, with a startup probe first', () => {
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.startupProbe.httpGet.path).toBe('/health/live');
    for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
      expect([httpPort.name, httpPort.containerPort]).toContain(container[probe].httpGet.port);
    }
  });

  it("passes the container's memory limit in MiB to the image's heap sizing", () => {
    const limit = container.env.find((e: any) => e.name === 'MEMORY_LIMIT_MB');
    expect(limit.valueFrom.resourceFieldRef).toEqual({
      containerName: container.name,
      resource: 'limits.memory',
      divisor: '1Mi',
    });
    expect(container.resources.limits.memory).toMatch(/^\d+(Mi|Gi)$/);
  });

  it('runs non-root on a read-only root filesystem with no privileges', () => {
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(pod.securityContext.seccompProfile.type).toBe('RuntimeDefault');
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    const tmp = container.volumeMounts.find((m: any) => m.mountPath === '/tmp');
    expect(pod.volumes.find((v: any) => v.name === tmp.name).emptyDir).toBeDefined();
    for (const kind of ['cpu', 'memory']) {
      expect(container.resources.requests[kind]).toBeDefined();
      expect(container.resources.limits[kind]).toBeDefined();
    }
  });

  it('wires Service, HPA, PDB and scrape annotations to the Deployment', () => {
    const labels = deployment.spec.template.metadata.labels;
    expect(matches(deployment.spec.selector.matchLabels, labels)).toBe(true);
    const service = only(objects, 'Service');
    expect(matches(service.spec.selector, labels)).toBe(true);
    expect(service.spec.ports.map((p: any) => p.targetPort)).toEqual([httpPort.name]);
    expect(matches(only(objects, 'PodDisruptionBudget').spec.selector.matchLabels, labels)).toBe(
      true,
    );
    const hpa = only(objects, 'HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(hpa.spec.metrics.map((m: any) => m.resource.name)).toEqual(['cpu']);
    expect(deployment.spec.replicas).toBe(hpa.spec.minReplicas);
    const annotations = deployment.spec.template.metadata.annotations;
    expect(annotations['prometheus.io/port']).toBe(String(httpPort.containerPort));
    expect(annotations['prometheus.io/path']).toBe('/metrics');
  });

  it('routes an Ingress, if any, to the Service without buffering, keeping probes and metrics in', () => {
    const service = only(objects, 'Service');
    for (const ingress of byKind(objects, 'Ingress')) {
      const annotations = ingress.metadata.annotations;
      expect(annotations['nginx.ingress.kubernetes.io/proxy-buffering']).toBe('off');
      expect(
        Number(annotations['nginx.ingress.kubernetes.io/proxy-read-timeout']),
      ).toBeGreaterThanOrEqual(300);
      for (const path of ingress.spec.rules.flatMap((rule: any) => rule.http.paths)) {
        expect(path.backend.service.name).toBe(service.metadata.name);
        for (const internal of ['/metrics', '/health/live', '/health/ready']) {
          expect({ path: path.path, exposes: internal.startsWith(path.path) }).toEqual({
            path: path.path,
            exposes: false,
          });
        }
        expect(service.spec.ports.map((p: any) => p.name)).toContain(
          path.backend.service.port.name,
        );
      }
    }
  });

  if (target === 'overlays/production') {
    it('scales out, shares Redis, uses SearXNG, and ships no example key', () => {
      const base = renderKustomization(join(K8S, 'base'));
      expect(deployment.spec.replicas).toBeGreaterThan(only(base, 'Deployment').spec.replicas);
      expect(env.REDIS_URL).toMatch(/^rediss?:\/\//);
      expect(env.SEARXNG_URL).toMatch(/^https?:\/\//);
      expect(byKind(objects, 'Secret')).toEqual([]);
      expect(deployment.spec.template.spec.containers[0].image).toMatch(/^[^/]+\/.+:.+$/);
    });
  }

  if (target === 'base') {
    it('marks the example key as one to replace', () => {
      expect(only(objects, 'Secret').stringData.keys).toMatch(/replace-me/i);
    });
  }
});

// --------------------------------------------------------- against the app

describe('health checks against the real app', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers 200 on every path a probe or health check calls', async () => {
    const paths = new Set<string>();
    for (const target of TARGETS) {
      const container = only(renderKustomization(join(K8S, target)), 'Deployment').spec.template
        .spec.containers[0];
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'])
        paths.add(container[probe].httpGet.path);
    }
    const healthchecks = [
      readText('Dockerfile'),
      parse(readText('docker-compose.yml')).services.api.healthcheck.test.join(' '),
    ];
    for (const text of healthchecks)
      for (const [path] of text.matchAll(/\/health\/\w+/g)) paths.add(path);

    expect([...paths].sort()).toEqual(['/health/live', '/health/ready']);
    for (const path of paths) await request(app.getHttpServer()).get(path).expect(200);
  });
});

describe('docs/deployment.md', () => {
  const guide = readText('docs/deployment.md');

  it('has front matter and names only files and folders that exist', () => {
    expect(guide).toMatch(/^---\ntitle: .+\ndate: \d{4}-\d{2}-\d{2}\n---\n/);
    const mentioned = new Set(
      guide.match(/\bdeploy\/[\w./-]*[\w]|\bdocker-compose\.yml\b|\bDockerfile\b/g),
    );
    expect(mentioned.size).toBeGreaterThan(3);
    for (const path of mentioned)
      expect({ path, exists: existsSync(join(ROOT, path)) }).toEqual({ path, exists: true });
  });
});
