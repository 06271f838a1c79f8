import type { IncomingMessage } from 'node:http';

/**
 * Stops the socket under a streamed response from reading; returns what lets it read again.
 *
 * Node's HTTP client pauses and resumes that socket itself (it pauses it when the response's
 * buffer is full, resumes it when the response is read, and once more when the response is
 * complete, for the connection's next response). With keep-alive, once the response has ended
 * the socket goes back to the agent (`response.socket` becomes null) and may already carry
 * another request. So the socket is held only while it is reading for this response (not
 * complete, not paused by Node), and let go only while it is still this response's: a socket
 * paused by Node is left to Node, and one that went back to the agent paused would stall the
 * next request sent on it.
 */
export function holdSocket(response: IncomingMessage): () => void {
  const socket = response.socket as IncomingMessage['socket'] | null;
  if (!socket || response.complete || socket.isPaused()) return () => undefined;
  socket.pause();
  return () => {
    if (response.socket === socket) socket.resume();
  };
}
