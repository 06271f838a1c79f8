import { describe, expect, it } from '@jest/globals';
import type { Request, Response } from 'express';
import { Metrics } from '@answergate/common';
import { drainRefusal } from './drain-refusal';
import { DrainService } from './drain.service';

/** A response that records its headers. */
function fakeResponse() {
  const headers: Record<string, string> = {};
  return {
    headers,
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
  };
}

function run(drain: DrainService, path: string) {
  const res = fakeResponse();
  const refused = drainRefusal(drain, { path } as Request, res as unknown as Response);
  return { res, refused };
}

describe('drainRefusal', () => {
  it('while draining, serves the request and closes its connection afterwards', () => {
    const drain = new DrainService(new Metrics());
    drain.begin();
    const { res, refused } = run(drain, '/v1/chat/completions');
    expect(refused).toBeUndefined();
    expect(res.headers.connection).toBe('close');
  });

  it('once refusing, answers new /v1 requests with a 503 shutting_down error, probes and metrics still served', () => {
    const drain = new DrainService(new Metrics());
    drain.refuse();
    const refused = run(drain, '/v1/models');
    expect(refused.refused).toMatchObject({ status: 503, code: 'shutting_down' });
    expect(refused.res.headers.connection).toBe('close');
    expect(run(drain, '/health/ready').refused).toBeUndefined();
    expect(run(drain, '/metrics').refused).toBeUndefined();
  });
});
