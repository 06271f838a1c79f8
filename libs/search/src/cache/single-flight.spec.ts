import { describe, expect, it } from '@jest/globals';
import { SingleFlight } from './single-flight';

/** A promise to settle by hand, and the signal the work received. */
function deferred() {
  let resolve!: (value: string) => void;
  let received: AbortSignal | undefined;
  const promise = new Promise<string>((r) => (resolve = r));
  const work = (signal: AbortSignal) => {
    received = signal;
    return promise;
  };
  return { resolve, work, signal: () => received };
}

describe('SingleFlight', () => {
  it('runs concurrent calls with one key once and gives all the same answer', async () => {
    const flights = new SingleFlight<string>();
    const d = deferred();
    let calls = 0;
    const work = (signal: AbortSignal) => {
      calls += 1;
      return d.work(signal);
    };
    const all = Promise.all([
      flights.run('k', work),
      flights.run('k', work),
      flights.run('k', work),
    ]);
    d.resolve('done');
    expect(await all).toEqual(['done', 'done', 'done']);
    expect(calls).toBe(1);
    expect(flights.size).toBe(0);
  });

  it('runs again once the previous flight has landed, and keeps keys apart', async () => {
    const flights = new SingleFlight<string>();
    let calls = 0;
    const work = () => Promise.resolve(`call ${++calls}`);
    expect(await flights.run('k', work)).toBe('call 1');
    expect(await flights.run('k', work)).toBe('call 2');
    expect(await Promise.all([flights.run('a', work), flights.run('b', work)])).toEqual([
      'call 3',
      'call 4',
    ]);
  });

  it('shares a failure with every waiter', async () => {
    const flights = new SingleFlight<string>();
    const work = () => Promise.reject(new Error('backend down'));
    const results = await Promise.allSettled([flights.run('k', work), flights.run('k', work)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('lets one caller abort without cancelling the work the others wait for', async () => {
    const flights = new SingleFlight<string>();
    const d = deferred();
    const leaving = new AbortController();
    const first = flights.run('k', d.work, leaving.signal);
    const second = flights.run('k', d.work, new AbortController().signal);
    leaving.abort(new Error('client gone'));
    await expect(first).rejects.toThrow('client gone');
    expect(d.signal()?.aborted).toBe(false);
    d.resolve('kept');
    expect(await second).toBe('kept');
  });

  it('aborts the work when every caller has gone', async () => {
    const flights = new SingleFlight<string>();
    const d = deferred();
    const a = new AbortController();
    const b = new AbortController();
    const calls = [flights.run('k', d.work, a.signal), flights.run('k', d.work, b.signal)];
    a.abort();
    b.abort();
    await Promise.allSettled(calls);
    expect(d.signal()?.aborted).toBe(true);
    expect(flights.size).toBe(0);
  });

  it('rejects at once on an already aborted signal', async () => {
    const flights = new SingleFlight<string>();
    await expect(
      flights.run('k', () => Promise.resolve('x'), AbortSignal.abort(new Error('late'))),
    ).rejects.toThrow('late');
  });
});
