import { type Agent, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { countTokens, type RawEnvironment, UpstreamError } from '@answergate/common';
import { ProSearchPlanner } from '@answergate/completion';
import { countMessageTokens } from '@answergate/llm';
import {
  closedPort,
  collect,
  FIXTURE_KEY,
  llmRequest,
  providerFor,
  rejection,
  textOf,
} from './fixtures/llm-provider-helpers';
import { LlmFixtureServer } from './fixtures/llm-server';

const ANSWER =
  'The fixture read source 1 for this answer[1]. The fixture read source 2 for this answer[2].';
/** The fixture's own usage: a token per four characters. */
const FIXTURE_USAGE = {
  promptTokens: Math.ceil(llmRequest().messages.reduce((n, m) => n + m.content.length, 0) / 4),
  completionTokens: Math.ceil(ANSWER.length / 4),
};

describe('OpenAiCompatibleProvider against the LLM fixture server', () => {
  let fixture: LlmFixtureServer;
  const provider = (env: RawEnvironment = {}) => providerFor(fixture.url, env);

  beforeAll(async () => {
    fixture = await LlmFixtureServer.start({ apiKey: FIXTURE_KEY });
  });
  beforeEach(() => fixture.reset());
  afterAll(() => fixture.close());

  describe('answers', () => {
    it('streams deltas, then the upstream usage, then finish', async () => {
      const events = await collect(provider());
      expect(textOf(events)).toBe(ANSWER);
      expect(events.filter((e) => e.type === 'delta').length).toBeGreaterThan(5);
      expect(events.slice(-2)).toEqual([
        { type: 'usage', usage: FIXTURE_USAGE },
        { type: 'finish', reason: 'stop' },
      ]);
    });

    it('sends the mapped options, the model and the key, leaving unset ones out', async () => {
      await collect(
        provider(),
        llmRequest({ temperature: 0.2, topP: 0.9, maxTokens: 50, stop: ['END'], user: 'u1' }),
      );
      const { body, headers, path } = fixture.requests[0];
      expect(path).toBe('/v1/chat/completions');
      expect(headers.authorization).toBe(`Bearer ${FIXTURE_KEY}`);
      expect(body).toEqual({
        model: 'gpt-fixture',
        messages: llmRequest().messages,
        stream: true,
        stream_options: { include_usage: true },
        temperature: 0.2,
        top_p: 0.9,
        max_tokens: 50,
        stop: ['END'],
        user: 'u1',
      });
    });

    it('reads events split across writes, with keep-alive comments in between', async () => {
      fixture.plan({
        type: 'answer',
        text: 'Split but whole [1].',
        fragmented: true,
        keepAlive: true,
      });
      expect(textOf(await collect(provider()))).toBe('Split but whole [1].');
    });

    it('sends the next answer on the connection of the previous one, once it ended', async () => {
      const llm = provider();
      expect(textOf(await collect(llm))).toBe(ANSWER);
      // The first answer's connection goes back to the pool as its last bytes are read.
      await new Promise((resolve) => setImmediate(resolve));
      expect(textOf(await collect(llm))).toBe(ANSWER);
      const [first, second] = fixture.requests;
      expect(await first.outcome).toBe('completed');
      expect(second.remotePort).toBe(first.remotePort);
    });

    it('completes without streaming, with the upstream usage', async () => {
      const result = await provider().complete(llmRequest({ task: 'related' }));
      expect(result.content).toContain('[1]');
      expect(result.usage).toEqual(FIXTURE_USAGE);
      expect(fixture.requests[0].body?.stream).toBe(false);
      expect(fixture.requests[0].body?.stream_options).toBeUndefined();
    });

    it('counts usage itself when the upstream reports none', async () => {
      fixture.plan({ type: 'answer', text: 'Counted locally [1].', withoutUsage: true });
      const events = await collect(provider());
      expect(events.find((e) => e.type === 'usage')).toEqual({
        type: 'usage',
        usage: {
          promptTokens: countMessageTokens(llmRequest().messages),
          completionTokens: countTokens('Counted locally [1].'),
        },
      });
    });

    it('has the pro-search planner read the upstream plan, or fall back to the question', async () => {
      const planner = new ProSearchPlanner(provider());
      const plan = (effort?: 'low') =>
        planner.plan('redis ttl', 'gpt-fixture', new AbortController().signal, effort);
      // A JSON array wrapped in prose: read, unquoted, deduplicated, too-short items dropped.
      fixture.respond = () =>
        'Here is the plan:\n["redis ttl", "redis ttl", "\\"redis expire\\"", "x", 7]\nGood luck.';
      expect(await plan()).toEqual(['redis ttl', 'redis expire']);
      // No JSON: one query a line, list markers stripped; `low` effort keeps two.
      fixture.respond = () => '1. redis ttl command\n2. redis expire\n3. redis persist';
      expect(await plan('low')).toEqual(['redis ttl command', 'redis expire']);
      // Nothing usable: the question alone is searched.
      fixture.respond = () => '?';
      expect(await plan()).toEqual(['redis ttl']);
      expect(fixture.requests).toHaveLength(3);
    });

    it('pings GET /models, and rejects when it fails', async () => {
      await expect(provider().ping()).resolves.toBeUndefined();
      fixture.modelsStatus = 503;
      const error = await rejection(provider().ping());
      expect(error.message).toContain('answered 503: The fixture is down.');
    });
  });

  describe('upstream errors', () => {
    it('turns a 401 into a 502 with the upstream message, without retrying', async () => {
      const error = await rejection(collect(provider({ LLM_API_KEY: 'wrong' })));
      expect(error).toMatchObject({ status: 502, type: 'upstream_error', code: 'upstream_error' });
      expect(error.message).toBe(
        `LLM upstream (${fixture.url}) answered 401: Incorrect API key provided.`,
      );
      expect(fixture.requests).toHaveLength(1);
    });

    it('gives up on a 500 after the bounded retries', async () => {
      const fail = { type: 'fail', status: 500, message: 'model crashed' } as const;
      fixture.plan(fail, fail, fail);
      const error = await rejection(provider({ LLM_MAX_RETRIES: '2' }).complete(llmRequest()));
      expect(error.message).toBe(`LLM upstream (${fixture.url}) answered 500: model crashed`);
      expect(fixture.requests).toHaveLength(3);
    });

    it('retries a 503 before the first byte, then streams', async () => {
      fixture.plan({ type: 'fail', status: 503, message: 'warming up' });
      const events = await collect(provider());
      expect(textOf(events)).toContain('[2]');
      expect(fixture.requests).toHaveLength(2);
    });

    it('honours Retry-After on a 429: waits the seconds it says, not its own backoff', async () => {
      // The first backoff is 250 ms (±25 %): a 1 s Retry-After is told apart from it.
      fixture.plan({ type: 'fail', status: 429, headers: { 'Retry-After': '1' } });
      const result = await provider().complete(llmRequest());
      expect(result.content).toContain('[1]');
      expect(fixture.requests).toHaveLength(2);
      const waited = fixture.requests[1].receivedAt - fixture.requests[0].receivedAt;
      expect(waited).toBeGreaterThanOrEqual(950);
    });

    it('retries a refused connection, then reports it unreachable', async () => {
      const port = await closedPort();
      const error = await rejection(
        provider({ LLM_BASE_URL: `http://127.0.0.1:${port}/v1`, LLM_MAX_RETRIES: '1' }).complete(
          llmRequest(),
        ),
      );
      expect(error.message).toBe(
        `LLM upstream (http://127.0.0.1:${port}/v1) is unreachable: ECONNREFUSED`,
      );
    });

    it('never retries once text has started', async () => {
      fixture.plan({ type: 'drop', afterChunks: 3 });
      const deltas: string[] = [];
      const failed = new Promise<unknown>((resolve) =>
        provider()
          .stream(llmRequest())
          .subscribe({
            next: (e) => e.type === 'delta' && deltas.push(e.content),
            error: resolve,
          }),
      );
      const error = (await failed) as UpstreamError;
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error.status).toBe(502);
      expect(error.message).toMatch(/broke off the stream before the answer was complete/);
      expect(deltas.join('')).toBe('The fixture ');
      expect(fixture.requests).toHaveLength(1);
      expect(await fixture.requests[0].outcome).toBe('dropped');
    });

    it('reports an error event sent mid-stream', async () => {
      fixture.plan({ type: 'stream-error', afterChunks: 2, message: 'context length exceeded' });
      const error = await rejection(collect(provider()));
      expect(error.message).toBe(
        `LLM upstream (${fixture.url}) reported an error: context length exceeded`,
      );
    });
  });
});

/**
 * An upstream that sends each whole answer (ten deltas, usage, `[DONE]`) in one write, so the
 * provider reads it in one piece: the response is complete before its first event is handled.
 * Records the client port of each request (the same port: the same kept-alive connection).
 */
async function oneWriteUpstream() {
  const ports: (number | undefined)[] = [];
  const server: Server = createServer((req, res) => {
    ports.push(req.socket.remotePort);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      const delta = (content: string) => ({ choices: [{ index: 0, delta: { content } }] });
      const stop = {
        choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
        usage: { prompt_tokens: 5, completion_tokens: 10 },
      };
      const events = [...Array.from({ length: 10 }, (_, i) => delta(`word${i} `)), stop];
      res.end(
        events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('') + 'data: [DONE]\n\n',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, ports, url: `http://127.0.0.1:${port}/v1` };
}

describe('OpenAiCompatibleProvider: backpressure on kept-alive upstream connections', () => {
  let upstream: Awaited<ReturnType<typeof oneWriteUpstream>>;

  beforeAll(async () => {
    upstream = await oneWriteUpstream();
  });
  afterAll(async () => {
    upstream.server.closeAllConnections();
    await new Promise((resolve) => upstream.server.close(resolve));
  });

  // Once an answer's response is in, Node hands its connection back to the agent while the
  // provider still waits for the first answer's consumer; the next answer gets that connection.
  it('answers on the connection of an answer whose consumer is still waiting after the whole response came in', async () => {
    const llm = providerFor(upstream.url, { LLM_IDLE_TIMEOUT_MS: '1000' });
    let open!: () => void;
    const consumer = new Promise<void>((resolve) => (open = resolve));
    const first = collect(llm, llmRequest({ whenWritable: () => consumer }));
    // The first answer's connection back in the agent's pool: its response is in.
    const { agent } = llm as unknown as { agent: Agent };
    while (Object.values(agent.freeSockets).flat().length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    const second = await collect(llm).then(
      (events) => events.at(-1),
      (error: Error) => error.message,
    );
    open();
    const firstEvents = await first;

    expect(second).toEqual({ type: 'finish', reason: 'stop' });
    expect(upstream.ports).toHaveLength(2);
    expect(upstream.ports[1]).toBe(upstream.ports[0]);
    expect(firstEvents.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
  });
});
