import { createServer, get, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { afterEach, describe, expect, it } from '@jest/globals';
import express from 'express';
import { shareResponseShape } from './shared-response-shape';

// V8's own answer to "do these two objects have one hidden class?" (`%` syntax parses only
// once the flag is set, so the function is built at run time).
setFlagsFromString('--allow-natives-syntax');
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b);') as (
  a: object,
  b: object,
) => boolean;

let server: Server | undefined;
afterEach(async () => {
  await new Promise((closed) => (server ? server.close(closed) : closed(undefined)));
  server = undefined;
});

/**
 * Serves Express on a server given `shareResponseShape`, sends two requests and resolves
 * with both responses while both are still open (then ends them).
 */
async function twoOpenResponses(): Promise<ServerResponse[]> {
  const open: ServerResponse[] = [];
  let bothOpen: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (bothOpen = resolve));
  const app = express();
  app.get('/', (_req, res) => {
    res.status(200);
    open.push(res);
    if (open.length === 2) bothOpen();
  });
  server = createServer(app);
  shareResponseShape(server);
  await new Promise((listening) => server?.listen(0, '127.0.0.1', () => listening(undefined)));
  const { port } = server.address() as AddressInfo;
  for (let i = 0; i < 2; i += 1) get(`http://127.0.0.1:${port}/`, (res) => res.resume());
  await ready;
  const shapes = [...open];
  for (const response of open) response.end('done');
  return shapes;
}

describe('shareResponseShape', () => {
  // On Node 24 V8 shares the class anyway; Node 20 and 22 (the unit run's Node 20) need it.
  it('gives two responses open at once one V8 hidden class after Express has handled them', async () => {
    const [first, second] = await twoOpenResponses();
    expect(haveSameMap(first, second)).toBe(true);
  });

  it('leaves what Express and Node expose unchanged: empty locals, status 200 with its message', async () => {
    const [response] = (await twoOpenResponses()) as (ServerResponse & { locals: object })[];
    expect(Object.getPrototypeOf(response.locals)).toBeNull();
    expect(Object.keys(response.locals)).toEqual([]);
    expect(response.statusCode).toBe(200);
    expect(response.statusMessage).toBe('OK');
  });
});
