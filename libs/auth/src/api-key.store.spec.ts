import { describe, expect, it } from '@jest/globals';
import { loadAppConfig } from '@answergate/common';
import { ApiKeyStore } from './api-key.store';

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
});
