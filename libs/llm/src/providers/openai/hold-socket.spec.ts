import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { holdSocket } from './hold-socket';

/** A response as far as `holdSocket` sees it: a socket (a flowing stream here) and `complete`. */
function responseOn(socket: PassThrough | null, complete = false): IncomingMessage {
  return { socket, complete } as unknown as IncomingMessage;
}

function flowingSocket(): PassThrough {
  const socket = new PassThrough();
  socket.on('data', () => undefined);
  return socket;
}

describe('holdSocket', () => {
  it('pauses the socket of a response still being received, and resumes it on release', () => {
    const socket = flowingSocket();
    const release = holdSocket(responseOn(socket));
    expect(socket.isPaused()).toBe(true);
    release();
    expect(socket.isPaused()).toBe(false);
  });

  it('leaves the socket of a complete response reading (Node resumed it for the next response)', () => {
    const socket = flowingSocket();
    const release = holdSocket(responseOn(socket, true));
    expect(socket.isPaused()).toBe(false);
    release();
    expect(socket.isPaused()).toBe(false);
  });

  it('does not resume a socket the response gave back to the agent while it was held', () => {
    const socket = flowingSocket();
    const response = responseOn(socket);
    const release = holdSocket(response);
    (response as { socket: unknown }).socket = null; // What Node does when the response ends.
    release();
    expect(socket.isPaused()).toBe(true);
  });

  it('leaves a socket that Node paused (its response buffer is full) paused on release', () => {
    const socket = flowingSocket();
    socket.pause();
    const release = holdSocket(responseOn(socket));
    release();
    expect(socket.isPaused()).toBe(true);
  });

  it('does nothing for a response that has no socket any more', () => {
    expect(() => holdSocket(responseOn(null))()).not.toThrow();
  });
});
