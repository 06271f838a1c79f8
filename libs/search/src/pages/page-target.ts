import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { blockedRange } from './address-policy';
import { DEFAULT_PORTS, type AllowList } from './allow-list';
import { blocked, failed } from './page-fetch.error';

/** A URL checked against the policy, with the one address a connection may go to. */
export interface PageTarget {
  url: URL;
  /** The host without IPv6 brackets. */
  host: string;
  port: number;
  address: string;
  family: 4 | 6;
}

/** Resolves a host to all its addresses; injectable so tests can play DNS. */
export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Checks a URL and resolves its host once: http(s) only, ports 80/443 unless allow-listed,
 * and every address the name resolves to must be public unless the host is allow-listed.
 * The caller connects to `address` and nothing else, so DNS cannot change the answer later.
 * The WHATWG URL parser has already turned `2130706433` or `0x7f.1` into dotted form.
 */
export async function checkTarget(
  raw: string | URL,
  allowList: AllowList,
  resolve: Resolve,
): Promise<PageTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw failed(`not a URL: ${String(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw blocked(`scheme ${url.protocol} is not fetched`);
  }
  if (url.username || url.password) throw blocked('URLs with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const allowed = allowList.allows(host, port);
  if (!allowed && !DEFAULT_PORTS.has(port)) throw blocked(`port ${port} is not allowed`);

  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await resolveAll(host, resolve);
  if (!allowed) {
    for (const { address } of addresses) {
      const range = blockedRange(address);
      if (range) throw blocked(`${host} resolves to ${range} address ${address}`);
    }
  }
  const [first] = addresses;
  return { url, host, port, address: first.address, family: first.family === 6 ? 6 : 4 };
}

async function resolveAll(host: string, resolve: Resolve) {
  let addresses: { address: string; family: number }[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    throw failed(`cannot resolve ${host}: ${(error as Error).message}`);
  }
  if (addresses.length === 0) throw failed(`${host} has no address`);
  return addresses;
}
