import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from '@answergate/common';
import { drainRequests } from './drain-requests.middleware';
import { DrainService } from './drain.service';

/** A response that records its headers and can be closed like a real one. */
function fakeResponse() {
  const headers: Record<string, string> = {};
  const res = Object.assign(new EventEmitter(), {
    headers,
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
  });
  return res;
}

function run(drain: DrainService, path: string) {
  const res = fakeResponse();
  let passed: unknown = 'not called';
  const next: NextFunction = (error?: unknown) => (passed = error);
  drainRequests(drain)({ path } as Request, res as unknown as Response, next);
  return { res, passed };
}

describe('drainRequests', () => {
  it('counts a request until its response closes, and leaves keep-alive alone before a shutdown', () => {
    const drain = new DrainService(new Metrics());
    const { res, passed } = run(drain, '/v1/search');
    expect(passed).toBeUndefined();
    expect(res.headers.connection).toBeUndefined();
    expect(drain.inFlight).toBe(1);
    res.emit('close');
    expect(drain.inFlight).toBe(0);
  });

  it('while draining, serves the request and closes its connection afterwards', () => {
    const drain = new DrainService(new Metrics());
    drain.begin();
    const { res, passed } = run(drain, '/v1/chat/completions');
    expect(passed).toBeUndefined();
    expect(res.headers.connection).toBe('close');
  });

  it('once refusing, answers new /v1 requests with a 503 shutting_down error, probes still served', () => {
    const drain = new DrainService(new Metrics());
    drain.refuse();
    const refused = run(drain, '/v1/models');
    expect(refused.passed).toMatchObject({ status: 503, code: 'shutting_down' });
    expect(refused.res.headers.connection).toBe('close');
    expect(drain.inFlight).toBe(0);
    expect(run(drain, '/health/ready').passed).toBeUndefined();
  });
});
