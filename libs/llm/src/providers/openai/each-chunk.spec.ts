import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { eachChunk } from './each-chunk';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A promise and what settles it. */
function deferred() {
  let release!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  return { promise, release, fail };
}

describe('eachChunk', () => {
  it('hands all of the body over in order and resolves at its end', async () => {
    const body = new PassThrough();
    const seen: string[] = [];
    const done = eachChunk(
      body,
      (chunk) => void seen.push(chunk.toString()),
      () => false,
    );
    body.write('a');
    body.write('b');
    body.end('c');
    await expect(done).resolves.toBeUndefined();
    expect(seen.join('')).toBe('abc');
  });

  it('reads nothing while the last chunk waits, and goes on when the wait is over', async () => {
    const body = new PassThrough();
    const seen: string[] = [];
    const wait = deferred();
    const done = eachChunk(
      body,
      (chunk) => {
        seen.push(chunk.toString());
        return seen.length === 1 ? wait.promise : undefined;
      },
      () => false,
    );
    body.write('a');
    await tick();
    body.end('b');
    await tick();
    expect(seen).toEqual(['a']);
    wait.release();
    await done;
    expect(seen).toEqual(['a', 'b']);
  });

  it('stops after the chunk that makes isDone() true, leaving the rest of the body unread and whole', async () => {
    const body = new PassThrough();
    const seen: string[] = [];
    const done = eachChunk(
      body,
      (chunk) => void seen.push(chunk.toString()),
      () => seen.length === 1,
    );
    body.write('a');
    await done;
    body.write('b');
    await tick();
    expect(seen).toEqual(['a']);
    expect(body.readableLength).toBe(1);
    expect(body.destroyed).toBe(false);
  });

  it('rejects with what the handler threw', async () => {
    const body = new PassThrough();
    const done = eachChunk(
      body,
      () => {
        throw new Error('too long');
      },
      () => false,
    );
    body.write('a');
    await expect(done).rejects.toThrow('too long');
  });

  it('rejects when the wait a chunk returned fails', async () => {
    const body = new PassThrough();
    const wait = deferred();
    const done = eachChunk(
      body,
      () => wait.promise,
      () => false,
    );
    body.write('a');
    await tick();
    wait.fail(new Error('bad event'));
    await expect(done).rejects.toThrow('bad event');
  });

  it("rejects with the body's error", async () => {
    const body = new PassThrough();
    const done = eachChunk(
      body,
      () => undefined,
      () => false,
    );
    body.destroy(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    await expect(done).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('rejects as a premature close when the body closes before its end', async () => {
    const body = new PassThrough();
    const done = eachChunk(
      body,
      () => undefined,
      () => false,
    );
    body.write('a');
    body.destroy();
    await expect(done).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('reports a failure that came during a wait only once the wait is over', async () => {
    const body = new PassThrough();
    const wait = deferred();
    let outcome = 'pending';
    const done = eachChunk(
      body,
      () => wait.promise,
      () => false,
    );
    done.then(
      () => (outcome = 'resolved'),
      () => (outcome = 'rejected'),
    );
    body.write('a');
    await tick();
    body.destroy(new Error('reset'));
    await tick();
    expect(outcome).toBe('pending');
    wait.release();
    await expect(done).rejects.toThrow('reset');
  });
});
