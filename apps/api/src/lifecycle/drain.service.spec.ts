import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Metrics } from '@answergate/common';
import { DrainService } from './drain.service';

const gauge = async (metrics: Metrics) => (await metrics.activeStreams.get()).values[0]?.value;

describe('DrainService', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('counts an answer until its end function runs, once, with streams on the gauge', async () => {
    const metrics = new Metrics();
    const drain = new DrainService(metrics);
    const endStream = drain.track(true);
    const endPlain = drain.track(false);
    expect(drain.streams).toBe(2);
    expect(await gauge(metrics)).toBe(1);
    endStream();
    endStream();
    expect(drain.streams).toBe(1);
    expect(await gauge(metrics)).toBe(0);
    endPlain();
    expect(drain.streams).toBe(0);
  });

  it('wakes a waiting shutdown when the last answer ends, before the grace period', async () => {
    jest.useFakeTimers();
    const drain = new DrainService(new Metrics());
    const end = drain.track(true);
    const ended = drain.whenStreamsEnd(10_000);
    end();
    // Were it not woken, the grace period passing would settle it with `false`.
    jest.advanceTimersByTime(10_000);
    await expect(ended).resolves.toBe(true);
  });

  it('reports false when the grace period ends first', async () => {
    jest.useFakeTimers();
    const drain = new DrainService(new Metrics());
    drain.track(true);
    const ended = drain.whenStreamsEnd(10_000);
    jest.advanceTimersByTime(10_000);
    await expect(ended).resolves.toBe(false);
  });
});
