import type { IncomingMessage } from 'node:http';

/** The phases a request's time is split into (`fetch` is the page reader; 0 when off). */
export type TimingPhase = 'search' | 'fetch' | 'llm-ttft' | 'llm';

const PHASES: readonly TimingPhase[] = ['search', 'fetch', 'llm-ttft', 'llm'];
const LOG_KEYS: Record<TimingPhase | 'total', string> = {
  search: 'search_ms',
  fetch: 'fetch_ms',
  'llm-ttft': 'llm_ttft_ms',
  llm: 'llm_ms',
  total: 'total_ms',
};
const TIMINGS = Symbol('answergate.timings');

const round = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * Where one request's time went: summed phase durations and the total since the
 * request arrived. Written as a `Server-Timing` header on non-streamed answers and
 * as fields of the final log line of every request, streams included.
 */
export class RequestTimings {
  private readonly startedAt = performance.now();
  private readonly spent: Record<TimingPhase, number> = {
    search: 0,
    fetch: 0,
    'llm-ttft': 0,
    llm: 0,
  };

  /** Adds `ms` to a phase (phases that run several times, e.g. several searches, add up). */
  add(phase: TimingPhase, ms: number): void {
    this.spent[phase] += ms;
  }

  /** Starts timing a phase; call the returned function when it ends. */
  start(phase: TimingPhase): () => void {
    const from = performance.now();
    return () => this.add(phase, performance.now() - from);
  }

  /** Milliseconds since the request arrived. */
  total(): number {
    return performance.now() - this.startedAt;
  }

  /** `search;dur=12.3, fetch;dur=0, llm-ttft;dur=80.1, llm;dur=410.2, total;dur=431.7` */
  serverTiming(): string {
    // One template (no list to map and join): it is set on every non-streamed answer.
    const spent = this.spent;
    return (
      `search;dur=${round(spent.search)}, fetch;dur=${round(spent.fetch)}, ` +
      `llm-ttft;dur=${round(spent['llm-ttft'])}, llm;dur=${round(spent.llm)}, ` +
      `total;dur=${round(this.total())}`
    );
  }

  /** `{ search_ms, fetch_ms, llm_ttft_ms, llm_ms, total_ms }`, for the final log line. */
  toLog(): Record<string, number> {
    const line: Record<string, number> = {};
    for (const phase of PHASES) line[LOG_KEYS[phase]] = round(this.spent[phase]);
    line[LOG_KEYS.total] = round(this.total());
    return line;
  }

  /** The timings of `req`, created on first use (the request-context middleware does it at arrival). */
  static of(req: IncomingMessage): RequestTimings {
    const holder = req as IncomingMessage & { [TIMINGS]?: RequestTimings };
    return (holder[TIMINGS] ??= new RequestTimings());
  }

  /** The timings of `req` if anything created them; never creates. */
  static peek(req: IncomingMessage): RequestTimings | undefined {
    return (req as IncomingMessage & { [TIMINGS]?: RequestTimings })[TIMINGS];
  }
}
