import * as http from 'node:http';
import * as https from 'node:https';

/** Why a GET got no complete answer: its `code` says what happened, as Node's errors do. */
export class GetJsonError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface JsonAnswer {
  status: number;
  /** The parsed body; `undefined` when it is not JSON. */
  body: unknown;
}

export interface GetJsonOptions {
  /** Bounds the whole call, connect to last byte (`ETIMEDOUT`). */
  timeoutMs: number;
  /** A longer body fails the call (`ERR_RESPONSE_TOO_LARGE`). */
  maxBytes: number;
  signal?: AbortSignal;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * GETs `url` with node:http(s) on Node's global keep-alive agent, asking for JSON, and reads
 * the whole body; credentials in the URL go as basic auth, redirects are not followed.
 * Network errors reject with Node's own error (its `code` intact).
 */
export function getJson(url: URL, options: GetJsonOptions): Promise<JsonAnswer> {
  return new Promise<JsonAnswer>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settle(new GetJsonError(`no answer within ${options.timeoutMs} ms`, 'ETIMEDOUT'));
    }, options.timeoutMs);
    const settle = (error: Error | undefined, answer?: JsonAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        req.destroy();
        reject(error);
      } else {
        resolve(answer as JsonAnswer);
      }
    };
    const get = url.protocol === 'https:' ? https.get : http.get;
    const req = get(
      url,
      { headers: { Accept: 'application/json' }, signal: options.signal },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= options.maxBytes) return void chunks.push(chunk);
          const message = `answered more than ${options.maxBytes} bytes`;
          settle(new GetJsonError(message, 'ERR_RESPONSE_TOO_LARGE'));
        });
        res.on('end', () => {
          const body = parseJson(Buffer.concat(chunks).toString('utf8'));
          settle(undefined, { status: res.statusCode ?? 0, body });
        });
        res.on('error', settle);
        res.on('close', () => {
          if (!res.complete)
            settle(new GetJsonError('the connection closed mid-answer', 'ECONNRESET'));
        });
      },
    );
    req.on('error', settle);
  });
}
