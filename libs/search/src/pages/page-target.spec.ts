import { describe, expect, it } from '@jest/globals';
import { AllowList } from './allow-list';
import { PageFetchError } from './page-fetch.error';
import { checkTarget, type Resolve } from './page-target';

const dns: Record<string, string[]> = {
  'public.test': ['93.184.216.34'],
  localhost: ['127.0.0.1', '::1'],
  'mixed.test': ['93.184.216.34', '10.0.0.7'],
  'metadata.test': ['169.254.169.254'],
  'wiki.corp': ['10.1.2.3'],
  'v6.test': ['2606:4700:4700::1111'],
};
const resolve: Resolve = (host) => {
  const found = dns[host];
  return found
    ? Promise.resolve(found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })))
    : Promise.reject(new Error('ENOTFOUND'));
};
const none = new AllowList([]);

async function outcome(url: string, allow = none): Promise<string> {
  try {
    const target = await checkTarget(url, allow, resolve);
    return `ok ${target.address}:${target.port}`;
  } catch (error) {
    return error instanceof PageFetchError ? `${error.outcome}: ${error.message}` : String(error);
  }
}

describe('checkTarget', () => {
  it('resolves a public host once and pins its address', async () => {
    expect(await outcome('https://public.test/page')).toBe('ok 93.184.216.34:443');
    expect(await outcome('http://v6.test/')).toBe('ok 2606:4700:4700::1111:80');
  });

  it.each([
    ['http://localhost/', 'localhost resolves to loopback address 127.0.0.1'],
    ['http://127.0.0.2/', '127.0.0.2 resolves to loopback address 127.0.0.2'],
    ['http://[::1]/', '::1 resolves to loopback address ::1'],
    ['http://0.0.0.0/', '0.0.0.0 resolves to unspecified address 0.0.0.0'],
    ['http://2130706434/', '127.0.0.2 resolves to loopback address 127.0.0.2'],
    ['http://0x7f.1/', '127.0.0.1 resolves to loopback address 127.0.0.1'],
    ['http://[::ffff:7f00:1]/', '::ffff:7f00:1 resolves to loopback address ::ffff:7f00:1'],
    ['http://metadata.test/latest', 'metadata.test resolves to link-local address 169.254.169.254'],
    ['http://mixed.test/', 'mixed.test resolves to private address 10.0.0.7'],
    ['http://public.test:8080/', 'port 8080 is not allowed'],
    ['ftp://public.test/', 'scheme ftp: is not fetched'],
    ['file:///etc/passwd', 'scheme file: is not fetched'],
    ['http://user:pw@public.test/', 'URLs with credentials are not fetched'],
  ])('blocks %s', async (url, message) => {
    expect(await outcome(url)).toBe(`blocked: ${message}`);
  });

  it('reports names that do not resolve as failures, not blocks', async () => {
    expect(await outcome('http://nowhere.test/')).toBe(
      'failed: cannot resolve nowhere.test: ENOTFOUND',
    );
  });

  it('lets allow-listed hosts reach private addresses, on the listed port only', async () => {
    const allow = new AllowList(['wiki.corp', '127.0.0.1:9000', '[::1]:9001']);
    expect(await outcome('http://wiki.corp/page', allow)).toBe('ok 10.1.2.3:80');
    expect(await outcome('http://wiki.corp:8080/page', allow)).toBe(
      'blocked: port 8080 is not allowed',
    );
    expect(await outcome('http://127.0.0.1:9000/', allow)).toBe('ok 127.0.0.1:9000');
    expect(await outcome('http://[::1]:9001/', allow)).toBe('ok ::1:9001');
    // The entry names 127.0.0.1, not every loopback address, nor names resolving to it.
    expect(await outcome('http://127.0.0.2:9000/', allow)).toMatch(/^blocked: port 9000/);
    expect(await outcome('http://localhost:9000/', allow)).toMatch(/^blocked: port 9000/);
    expect(await outcome('http://localhost/', allow)).toMatch(
      /^blocked: localhost resolves to loopback/,
    );
  });
});
