import { describe, expect, it } from '@jest/globals';
import { loadAppConfig } from '@answergate/common';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiKeyStore } from './api-key.store';

const requestWith = (authorization?: string) =>
  ({ headers: authorization === undefined ? {} : { authorization } }) as IncomingMessage;

describe('ApiKeyStore', () => {
  it('accepts configured keys only', () => {
    const store = new ApiKeyStore(loadAppConfig({ API_KEYS: 'alpha,beta' }));
    expect(store.verify('alpha')).toBe(true);
    expect(store.verify('beta')).toBe(true);
    expect(store.verify('alph')).toBe(false);
    expect(store.verify('')).toBe(false);
    expect(store.generatedKey).toBeUndefined();
  });

  it('generates one random key outside production when none is configured', () => {
    const a = new ApiKeyStore(loadAppConfig({}));
    const b = new ApiKeyStore(loadAppConfig({}));
    expect(a.generatedKey).toMatch(/^ag-[\w-]{32}$/);
    expect(a.generatedKey).not.toBe(b.generatedKey);
    expect(a.verify(a.generatedKey!)).toBe(true);
  });

  it('has no keys in production when none is configured', () => {
    const store = new ApiKeyStore(loadAppConfig({ NODE_ENV: 'production' }));
    expect(store.hasKeys).toBe(false);
    expect(store.generatedKey).toBeUndefined();
  });

  it('fingerprints without revealing the key', () => {
    const store = new ApiKeyStore(loadAppConfig({ API_KEYS: 'alpha' }));
    expect(store.fingerprint('alpha')).toMatch(/^[0-9a-f]{12}$/);
    expect(store.fingerprint('alpha')).not.toContain('alpha');
  });

  it("checks a request's bearer key: valid with its fingerprint, wrong, or absent", () => {
    const store = new ApiKeyStore(loadAppConfig({ API_KEYS: 'alpha,beta' }));
    expect(store.check(requestWith('Bearer beta'))).toEqual({
      valid: true,
      // The first 12 hex digits of the key's SHA-256, as logged and used for rate-limit buckets.
      keyId: createHash('sha256').update('beta').digest('hex').slice(0, 12),
    });
    expect(store.check(requestWith('Bearer gamma'))).toEqual({ valid: false });
    expect(store.check(requestWith('Basic beta'))).toBeUndefined();
    expect(store.check(requestWith())).toBeUndefined();
  });

  it('answers every request with the same valid key with one verdict made at startup', () => {
    const store = new ApiKeyStore(loadAppConfig({ API_KEYS: 'alpha,beta' }));
    const first = store.check(requestWith('Bearer beta'));
    expect(store.check(requestWith('Bearer beta'))).toBe(first);
    expect(store.check(requestWith('Bearer alpha'))).not.toBe(first);
    expect(store.check(requestWith('Bearer alpha'))?.keyId).not.toBe(first?.keyId);
  });

  it('checks each request once: the verdict is kept on the request', () => {
    const store = new ApiKeyStore(loadAppConfig({ API_KEYS: 'alpha' }));
    const req = requestWith('Bearer alpha');
    const first = store.check(req);
    req.headers.authorization = 'Bearer wrong';
    expect(store.check(req)).toBe(first);
    const absent = requestWith();
    expect(store.check(absent)).toBeUndefined();
    absent.headers.authorization = 'Bearer alpha';
    expect(store.check(absent)).toBeUndefined();
  });
});
