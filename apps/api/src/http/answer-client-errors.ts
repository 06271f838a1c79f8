import type { Server } from 'node:http';
import type { Socket } from 'node:net';

const REASONS: Record<string, [number, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request was not received in time.'],
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request headers are too large.'],
};

/**
 * Requests Node rejects before Express sees them (malformed HTTP, headers too large,
 * too slow) get OpenAI's error envelope too, instead of Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, code, message] = REASONS[error.code ?? ''] ?? [
      400,
      'invalid_request',
      'The request is not valid HTTP.',
    ];
    const body = JSON.stringify({
      error: { message, type: 'invalid_request_error', param: null, code },
    });
    socket.end(
      `HTTP/1.1 ${status} ${code}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
