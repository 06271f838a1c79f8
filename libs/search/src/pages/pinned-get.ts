import { type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { PageTarget } from './page-target';

/** A `lookup` that answers with the checked address whatever it is asked: no second DNS query. */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * One GET to a checked target, connected to its checked address only. The Host header and
 * TLS server name stay the URL's host, so virtual hosts and certificates work as usual.
 */
export function pinnedGet(
  target: PageTarget,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const request = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request({
      protocol: target.url.protocol,
      hostname: target.host,
      port: target.port,
      path: `${target.url.pathname}${target.url.search}`,
      method: 'GET',
      headers,
      lookup: pinnedLookup(target.address, target.family),
      // A fresh connection per page: a pooled socket could belong to an earlier resolution.
      agent: false,
      signal,
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}
