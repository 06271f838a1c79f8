// The LLM fixture's steady pace, which the uncached benchmark relies on: a client that keeps the
// fixture's process busy delays one event, not every event after it.
import { request } from 'node:http';
import { LlmFixtureServer } from './fixtures/llm-server';

const DELAY_MS = 20;
const WORDS = Array.from({ length: 28 }, (_, i) => `word${i}`).join(' ');
const EVENTS = 30; // the role chunk, 28 words, the finish chunk
const BLOCK_MS = 300;
/** Halfway between ending on schedule and ending a whole block late. */
const ON_SCHEDULE_MS = EVENTS * DELAY_MS + BLOCK_MS / 2;

/** Streams one answer; blocks this process (and so the fixture) for BLOCK_MS at the second event. */
function timeBlockedStream(fixture: LlmFixtureServer): Promise<number> {
  const payload = JSON.stringify({
    model: 'm',
    stream: true,
    messages: [{ role: 'user', content: 'q' }],
  });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${fixture.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let events = 0;
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        const before = events;
        events += text.split('\n\n').filter((event) => event.startsWith('data: {')).length;
        if (before < 2 && events >= 2) {
          const until = performance.now() + BLOCK_MS;
          while (performance.now() < until); // a busy process, as on a shared machine
        }
      });
      res.on('end', () => resolve(performance.now() - started));
    });
    req.end(payload);
  });
}

describe('LLM fixture pace', () => {
  let fixture: LlmFixtureServer;
  beforeAll(async () => {
    fixture = await LlmFixtureServer.start({ chunkDelayMs: DELAY_MS });
  });
  afterAll(() => fixture.close());

  it('with a steady pace, events delayed by a busy process catch up: the answer ends on schedule', async () => {
    fixture.steadyPace = true;
    fixture.plan({ type: 'answer', text: WORDS });
    const ms = await timeBlockedStream(fixture);
    expect(ms).toBeGreaterThanOrEqual(EVENTS * DELAY_MS);
    expect(ms).toBeLessThan(ON_SCHEDULE_MS);
  });

  it('by default each event waits the delay after the last was written, so the block adds to the end', async () => {
    fixture.steadyPace = false;
    fixture.plan({ type: 'answer', text: WORDS });
    // About EVENTS * DELAY_MS + BLOCK_MS (the block may overlap one pending delay).
    expect(await timeBlockedStream(fixture)).toBeGreaterThan(ON_SCHEDULE_MS);
  });
});
