import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import type { LoggerService } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Subject } from 'rxjs';
import { streamAsSse } from './stream-as-sse';

/** A response that records what was done to it, in order. */
class RecordingResponse extends EventEmitter {
  calls: string[] = [];
  headers: Record<string, string> = {};
  statusCode = 0;
  headersSent = false;
  writableEnded = false;
  destroyed = false;
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  set(headers: Record<string, string>) {
    Object.assign(this.headers, headers);
    return this;
  }
  flushHeaders() {
    this.calls.push('flushHeaders');
    this.headersSent = true;
  }
  write(text: string): boolean {
    this.calls.push(`write ${text}`);
    this.headersSent = true;
    return true;
  }
  end(text: string) {
    this.calls.push(`end ${text}`);
    this.writableEnded = true;
  }
}

const logger = { log() {}, error() {}, warn() {} } as unknown as LoggerService;
const tick = () => new Promise((resolve) => process.nextTick(resolve));

describe('streamAsSse', () => {
  it('sends the head with the first events, in one write on the next tick, not on its own', async () => {
    const source = new Subject<{ n: number }>();
    const res = new RecordingResponse();
    streamAsSse(source, {} as Request, res as unknown as Response, { heartbeatMs: 60_000, logger });
    try {
      source.next({ n: 1 });
      source.next({ n: 2 });
      expect(res.calls).toEqual([]);
      expect(res.statusCode).toBe(200);
      expect(res.headers['Content-Type']).toBe('text/event-stream; charset=utf-8');
      await tick();
      source.next({ n: 3 });
    } finally {
      source.complete(); // also stops the heartbeat when an expectation failed
    }
    expect(res.calls).toEqual([
      'write data: {"n":1}\n\ndata: {"n":2}\n\n',
      'end data: {"n":3}\n\ndata: [DONE]\n\n',
    ]);
  });
});
