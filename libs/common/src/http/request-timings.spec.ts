import { describe, expect, it } from '@jest/globals';
import { RequestTimings } from './request-timings';

describe('RequestTimings.serverTiming', () => {
  it('lists every phase in order, summed and rounded to 0.1 ms, then the total', () => {
    const timings = new RequestTimings();
    timings.add('search', 12.31);
    timings.add('search', 0.02);
    timings.add('llm-ttft', 80.06);
    timings.add('llm', 410.24);
    expect(timings.serverTiming()).toMatch(
      /^search;dur=12\.3, fetch;dur=0, llm-ttft;dur=80\.1, llm;dur=410\.2, total;dur=\d+(\.\d)?$/,
    );
  });

  it('agrees with the log fields', () => {
    const timings = new RequestTimings();
    timings.add('fetch', 3.25);
    const log = timings.toLog();
    expect(timings.serverTiming()).toContain(`fetch;dur=${log.fetch_ms}, `);
    expect(log.fetch_ms).toBe(3.3);
  });
});
