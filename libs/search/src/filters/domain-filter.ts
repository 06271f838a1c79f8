/** `search_domain_filter` split into normalised allow and deny lists. */
export interface DomainRules {
  allow: string[];
  deny: string[];
}

/** `https://www.Example.com:443/path` -> `example.com`: what a filter entry and a URL are compared by. */
export function normalizeDomain(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#]/, 1)[0]
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** Perplexity semantics: `example.com` allows, `-example.com` denies. */
export function parseDomainFilter(entries: readonly string[] = []): DomainRules {
  const allow = new Set<string>();
  const deny = new Set<string>();
  for (const entry of entries) {
    const trimmed = entry.trim();
    const denied = trimmed.startsWith('-');
    const domain = normalizeDomain(denied ? trimmed.slice(1) : trimmed);
    if (domain) (denied ? deny : allow).add(domain);
  }
  return { allow: [...allow].sort(), deny: [...deny].sort() };
}

export function hasDomainRules(rules: DomainRules): boolean {
  return rules.allow.length > 0 || rules.deny.length > 0;
}

/** A domain matches itself and every subdomain (`docs.example.com` is in `example.com`). */
export function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function hostOf(url: string): string | undefined {
  try {
    return normalizeDomain(new URL(url).hostname);
  } catch {
    return undefined;
  }
}

/** A URL passes when no deny entry matches and, if there is an allow list, one allow entry does. */
export function urlPassesDomainRules(url: string, rules: DomainRules): boolean {
  if (!hasDomainRules(rules)) return true;
  const host = hostOf(url);
  if (!host) return false;
  if (rules.deny.some((domain) => hostMatches(host, domain))) return false;
  return rules.allow.length === 0 || rules.allow.some((domain) => hostMatches(host, domain));
}

/** The same rules as search operators, for backends that understand `site:`. */
export function siteOperators(rules: DomainRules): string {
  const allow = rules.allow.map((domain) => `site:${domain}`);
  const parts = allow.length > 1 ? [`(${allow.join(' OR ')})`] : allow;
  return [...parts, ...rules.deny.map((domain) => `-site:${domain}`)].join(' ');
}
