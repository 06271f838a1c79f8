import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError } from './config-validation.error';
import { loadAppConfig } from './load-app-config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadAppConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
};

describe('loadAppConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      port: 8003,
      host: '0.0.0.0',
      nodeEnv: 'development',
      apiKeys: [],
      corsOrigins: '*',
      bodyLimit: '1mb',
      searchProvider: 'local',
      llmProvider: 'extractive',
      trustProxy: false,
    });
    expect(config.isProduction).toBe(false);
  });

  it('treats empty values as unset, so a copied .env.example starts', () => {
    const config = loadAppConfig({
      SEARCH_PROVIDER: '',
      LLM_PROVIDER: '',
      REDIS_URL: '',
      PORT: '',
    });
    expect(config).toMatchObject({
      searchProvider: 'local',
      llmProvider: 'extractive',
      port: 8003,
    });
    expect(config.redisUrl).toBeUndefined();
  });

  it('names every bad variable and why', () => {
    const problems = problemsOf({ PORT: 'eighty', NODE_ENV: 'staging', BODY_LIMIT: 'huge' });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^PORT: .*integer.* \(got "eighty"\)$/);
    expect(problems.join('\n')).toMatch(/PORT/);
    expect(problems.join('\n')).toMatch(/NODE_ENV/);
    expect(problems.join('\n')).toMatch(/BODY_LIMIT/);
  });

  it('says "must be an integer from 1 to 65535" once for a PORT that is not a number', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual([
      'PORT: must be an integer from 1 to 65535 (got "abc")',
    ]);
    expect(problemsOf({ PORT: '70000' })).toEqual([
      'PORT: must be an integer from 1 to 65535 (got "70000")',
    ]);
  });

  it('names each variable once, not again inside its reason', () => {
    const problems = problemsOf({ NODE_ENV: 'staging', SEARCH_PROVIDER: 'searxng' });
    expect(problems).toHaveLength(2);
    for (const problem of problems) {
      const name = problem.split(':')[0];
      expect(problem.split(name)).toHaveLength(2);
    }
  });

  it('reads LOCAL_INDEX_BASE_URL and refuses one that is not an http(s) URL', () => {
    expect(loadAppConfig({ LOCAL_INDEX_BASE_URL: 'https://wiki.example/docs' })).toMatchObject({
      localIndexBaseUrl: 'https://wiki.example/docs',
    });
    expect(problemsOf({ LOCAL_INDEX_BASE_URL: 'wiki/docs' })).toEqual([
      'LOCAL_INDEX_BASE_URL: must be an http(s) URL (got "wiki/docs")',
    ]);
  });

  it('requires a URL when a provider needs one', () => {
    expect(problemsOf({ SEARCH_PROVIDER: 'searxng' }).join()).toMatch(/SEARXNG_URL/);
    expect(problemsOf({ LLM_PROVIDER: 'openai' }).join()).toMatch(/LLM_BASE_URL/);
    expect(problemsOf({ REDIS_URL: 'http://x' }).join()).toMatch(/REDIS_URL/);
  });

  it('picks providers from the URLs when not named', () => {
    const config = loadAppConfig({
      SEARXNG_URL: 'http://searx:8080',
      LLM_BASE_URL: 'http://vllm:8000/v1',
    });
    expect(config.searchProvider).toBe('searxng');
    expect(config.llmProvider).toBe('openai');
  });

  it('merges keys from API_KEYS and API_KEYS_FILE, skipping comments and blanks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const file = join(dir, 'keys');
    writeFileSync(file, '# team keys\nkey-b\n\n  key-c  \nkey-a\n');
    const config = loadAppConfig({ API_KEYS: 'key-a, key-b', API_KEYS_FILE: file });
    expect(config.apiKeys).toEqual(['key-a', 'key-b', 'key-c']);
  });

  it('refuses a missing keys file without printing its content', () => {
    expect(problemsOf({ API_KEYS_FILE: '/nonexistent/keys' }).join()).toMatch(
      /API_KEYS_FILE: cannot read \/nonexistent\/keys \(ENOENT\)/,
    );
  });

  it('parses MODELS and rejects a malformed value', () => {
    const config = loadAppConfig({ MODELS: '[{"id":"fast","upstreamModel":"llama3.1:8b"}]' });
    expect(config.models).toEqual([{ id: 'fast', upstreamModel: 'llama3.1:8b' }]);
    expect(problemsOf({ MODELS: '{"id":"x"}' }).join()).toMatch(/MODELS/);
    expect(problemsOf({ MODELS: '[{"id":"x","search":"turbo"}]' }).join()).toMatch(/MODELS/);
  });

  it('splits CORS origins and reads trust proxy forms', () => {
    const config = loadAppConfig({
      CORS_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: '2',
    });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.trustProxy).toBe(2);
    expect(loadAppConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
  });

  it('shows a bad URL without its user and password', () => {
    const problems = problemsOf({
      LLM_BASE_URL: 'ftp://user:secret@llm.internal/v1',
      SEARXNG_URL: 'gopher://admin:hunter2@searx.internal',
    }).join('\n');
    expect(problems).toContain('LLM_BASE_URL');
    expect(problems).toContain('(got "ftp://llm.internal/v1")');
    expect(problems).toContain('(got "gopher://searx.internal")');
    expect(problems).not.toMatch(/secret|hunter2|user:|admin:/);
  });
});
