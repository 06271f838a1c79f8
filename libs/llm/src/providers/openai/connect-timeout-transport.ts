import * as http from 'node:http';
import * as https from 'node:https';

/** Code of the error a request fails with when its TCP connect takes too long. */
export const CONNECT_TIMEOUT_CODE = 'ECONNECT_TIMEOUT';

type RequestFn = (
  options: http.RequestOptions,
  callback: (response: http.IncomingMessage) => void,
) => http.ClientRequest;

/**
 * An axios `transport` that bounds the TCP connect only. A request-wide timeout
 * would also cut a slow model that is still thinking; the idle and overall timers handle that.
 */
export function connectTimeoutTransport(connectTimeoutMs: number): { request: RequestFn } {
  return {
    request(options, callback) {
      const request = options.protocol === 'https:' ? https.request : http.request;
      const req = request(options, callback);
      req.once('socket', (socket) => {
        // A reused keep-alive socket is already connected.
        if (!socket.connecting) return;
        const timer = setTimeout(() => {
          const error = new Error(`connect timed out after ${connectTimeoutMs} ms`);
          req.destroy(Object.assign(error, { code: CONNECT_TIMEOUT_CODE }));
        }, connectTimeoutMs);
        const clear = () => clearTimeout(timer);
        socket.once('connect', clear);
        socket.once('close', clear);
      });
      return req;
    },
  };
}
