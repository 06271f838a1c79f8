import type { Agent, ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Subscription } from 'rxjs';
import { countMessageTokens, type LlmEvent, type OpenAiCompatibleProvider } from '@answergate/llm';
import { llmRequest, providerFor } from './fixtures/llm-provider-helpers';
import { LlmFixtureServer } from './fixtures/llm-server';

// A full garbage collection on demand, to see what a streaming answer still holds.
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Starts a slow answer (no upstream usage) whose messages only the provider can reach; returns
 * a weak reference to them, the events so far, and the subscription.
 */
function startAnswer(provider: OpenAiCompatibleProvider, countPromptTokens?: () => number) {
  const messages = llmRequest().messages.map((message) => ({ ...message }));
  const prompt = new WeakRef(messages);
  const events: LlmEvent[] = [];
  let finished!: () => void;
  let failed!: (error: unknown) => void;
  const done = new Promise<void>((resolve, reject) => ((finished = resolve), (failed = reject)));
  const subscription: Subscription = provider
    .stream(llmRequest({ messages, countPromptTokens }))
    .subscribe({ next: (event) => events.push(event), complete: finished, error: failed });
  return { prompt, events, subscription, done };
}

/** The provider's one upstream socket, once it has stopped reading (its byte count holds still). */
async function stoppedUpstreamSocket(provider: OpenAiCompatibleProvider): Promise<Socket> {
  const { agent } = provider as unknown as { agent: Agent };
  let socket: Socket | undefined;
  let lastRead = -1;
  for (let still = 0; still < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket ??= Object.values(agent.sockets).flat()[0];
    const read = socket?.bytesRead ?? -1;
    still = read > 0 && read === lastRead ? still + 1 : 0;
    lastRead = read;
  }
  return socket!;
}

async function firstDelta(events: LlmEvent[]): Promise<void> {
  while (!events.some((event) => event.type === 'delta')) await tick();
}

describe('what a streaming answer holds while it streams', () => {
  let fixture: LlmFixtureServer;

  beforeAll(async () => {
    fixture = await LlmFixtureServer.start();
  });
  afterAll(() => fixture.close());
  // A full collection on a busy machine can take longer than the helpers' 5 s idle timeout.
  const provider = () => providerFor(fixture.url, { LLM_IDLE_TIMEOUT_MS: '30000' });

  const slowAnswer = () =>
    fixture.plan({
      type: 'answer',
      text: 'One word at a time from the fixture [1].',
      withoutUsage: true,
      chunkDelayMs: 40,
    });

  it('lets go of the prompt once the upstream has it, when the caller can count the prompt', async () => {
    slowAnswer();
    const answer = startAnswer(provider(), () => 1234);
    try {
      await firstDelta(answer.events);
      gc();
      expect(answer.prompt.deref()).toBeUndefined();
      await answer.done;
      const usage = answer.events.find((event) => event.type === 'usage');
      expect(usage).toMatchObject({ usage: { promptTokens: 1234 } });
    } finally {
      answer.subscription.unsubscribe();
    }
  });

  it('while its consumer cannot take more, stops at once and leaves what its socket read ahead unparsed', async () => {
    // A long answer written as fast as the socket takes it.
    fixture.plan({ type: 'answer', text: 'word '.repeat(50_000), withoutUsage: true });
    const llm = provider();
    const full = new Promise<void>(() => undefined);
    let deltas = 0;
    const subscription = llm
      .stream(llmRequest({ whenWritable: () => (deltas >= 10 ? full : undefined) }))
      .subscribe({ next: () => (deltas += 1) });
    try {
      const socket = await stoppedUpstreamSocket(llm);
      const response = (
        socket as unknown as { _httpMessage: ClientRequest & { res: IncomingMessage } }
      )._httpMessage.res;
      expect(deltas).toBe(10);
      // Node's client would parse the socket's reads into the response, one small Buffer per
      // upstream chunk, until the response's buffer is full; paused, the bytes stay in one piece.
      expect(socket.readableLength).toBeGreaterThan(0);
      expect(response.readableLength).toBe(0);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('keeps the prompt to count it at the end when the caller cannot', async () => {
    slowAnswer();
    const answer = startAnswer(provider());
    try {
      await firstDelta(answer.events);
      gc();
      const kept = answer.prompt.deref();
      expect(kept).toBeDefined();
      await answer.done;
      const usage = answer.events.find((event) => event.type === 'usage');
      expect(usage).toMatchObject({ usage: { promptTokens: countMessageTokens(kept!) } });
    } finally {
      answer.subscription.unsubscribe();
    }
  });
});
