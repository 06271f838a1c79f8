import { request as httpRequest, createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import type { Response } from 'express';
import { signalOnClose } from './signal-on-close';

/** Serves one request that is never answered; resolves with its response once it arrived. */
async function pendingResponse() {
  let arrived!: (res: ServerResponse) => void;
  const response = new Promise<ServerResponse>((resolve) => (arrived = resolve));
  const server = createServer((_req, res) => arrived(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = httpRequest({ port, host: '127.0.0.1', path: '/' });
  client.on('error', () => undefined);
  client.end();
  const res = await response;
  const stop = () => {
    server.closeAllConnections();
    server.close();
  };
  return { res: res as unknown as Response, client, stop };
}

const closed = (res: Response) => new Promise((resolve) => res.once('close', resolve));

describe('signalOnClose', () => {
  it('aborts when the client goes away after the signal was made', async () => {
    const { res, client, stop } = await pendingResponse();
    try {
      const signal = signalOnClose(res);
      expect(signal.aborted).toBe(false);
      client.destroy();
      await closed(res);
      expect(signal.aborted).toBe(true);
    } finally {
      stop();
    }
  });

  it('is aborted at once when made after the client went away', async () => {
    const { res, client, stop } = await pendingResponse();
    try {
      client.destroy();
      await closed(res);
      expect(signalOnClose(res).aborted).toBe(true);
    } finally {
      stop();
    }
  });

  it('is not aborted when the response finished', async () => {
    const { res, stop } = await pendingResponse();
    try {
      const signal = signalOnClose(res);
      res.end('done');
      await closed(res);
      expect(signal.aborted).toBe(false);
    } finally {
      stop();
    }
  });
});
