import { describe, expect, it } from '@jest/globals';
import {
  normalizeDomain,
  parseDomainFilter,
  siteOperators,
  urlPassesDomainRules,
} from './domain-filter';

describe('domain filter', () => {
  it('normalises entries and splits allow from deny', () => {
    expect(normalizeDomain('https://WWW.Example.com:443/path?q=1')).toBe('example.com');
    expect(parseDomainFilter(['b.com', '-Ads.Example.com', ' a.com ', 'a.com', '-'])).toEqual({
      allow: ['a.com', 'b.com'],
      deny: ['ads.example.com'],
    });
  });

  it('allows a domain and its subdomains, nothing else', () => {
    const rules = parseDomainFilter(['example.com']);
    expect(urlPassesDomainRules('https://example.com/a', rules)).toBe(true);
    expect(urlPassesDomainRules('https://www.example.com/a', rules)).toBe(true);
    expect(urlPassesDomainRules('https://docs.example.com/a', rules)).toBe(true);
    expect(urlPassesDomainRules('https://notexample.com/a', rules)).toBe(false);
    expect(urlPassesDomainRules('https://example.com.evil.org/a', rules)).toBe(false);
    expect(urlPassesDomainRules('not a url', rules)).toBe(false);
  });

  it('denies a domain and its subdomains, allows the rest', () => {
    const rules = parseDomainFilter(['-example.com']);
    expect(urlPassesDomainRules('https://blog.example.com/', rules)).toBe(false);
    expect(urlPassesDomainRules('https://other.org/', rules)).toBe(true);
  });

  it('lets a deny entry carve a subdomain out of an allowed domain', () => {
    const rules = parseDomainFilter(['example.com', '-ads.example.com']);
    expect(urlPassesDomainRules('https://example.com/', rules)).toBe(true);
    expect(urlPassesDomainRules('https://ads.example.com/x', rules)).toBe(false);
  });

  it('passes everything without rules', () => {
    expect(urlPassesDomainRules('whatever', parseDomainFilter([]))).toBe(true);
  });

  it('writes site: operators, OR-ing several allowed domains', () => {
    expect(siteOperators(parseDomainFilter(['a.com']))).toBe('site:a.com');
    expect(siteOperators(parseDomainFilter(['a.com', 'b.org', '-c.net']))).toBe(
      '(site:a.com OR site:b.org) -site:c.net',
    );
  });
});
