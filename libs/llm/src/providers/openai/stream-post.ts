import type { Agent, IncomingMessage, RequestOptions } from 'node:http';
import type { connectTimeoutTransport } from './connect-timeout-transport';

type Transport = ReturnType<typeof connectTimeoutTransport>;

export interface StreamPost {
  url: string;
  /** The JSON body, already serialized: it is written once and not kept. */
  body: string;
  headers: Record<string, string>;
  agent: Agent;
  signal: AbortSignal;
}

/**
 * POSTs a JSON body with node:http and resolves with the response head; the body stays
 * a stream. The streaming call skips axios on purpose: for `responseType: 'stream'` it
 * wraps the body in an async generator and a second Readable (to enforce
 * `maxContentLength`) and its closures keep the request config, body included, alive
 * for the whole answer. Network errors reject with Node's own error (its `code` intact).
 */
export function postForStream(transport: Transport, post: StreamPost): Promise<IncomingMessage> {
  const url = new URL(post.url);
  const options: RequestOptions = {
    protocol: url.protocol,
    // `[::1]` in a URL, `::1` for node:http.
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port,
    path: `${url.pathname}${url.search}`,
    method: 'POST',
    auth: url.username
      ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`
      : undefined,
    agent: post.agent,
    signal: post.signal,
    headers: {
      ...post.headers,
      'Content-Type': 'application/json',
      'Content-Length': String(Buffer.byteLength(post.body)),
    },
  };
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = transport.request(options, resolve);
    // `on`, not `once`: a socket can fail twice, and a second unhandled 'error' would throw.
    req.on('error', reject);
    req.end(post.body);
  });
}
