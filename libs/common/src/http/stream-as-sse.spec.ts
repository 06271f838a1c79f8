import { EventEmitter, once } from 'node:events';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, jest } from '@jest/globals';
import type { LoggerService } from '@nestjs/common';
import express, { type Request, type Response } from 'express';
import { Subject } from 'rxjs';
import { streamAsSse } from './stream-as-sse';
import { WriteGate } from './write-gate';

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

describe('streamAsSse on a real socket', () => {
  it('hands each write to the kernel as it is made, so a socket that takes it all never closes the gate', async () => {
    const source = new Subject<{ n: number }>();
    const gate = new WriteGate();
    let served!: () => void;
    const serving = new Promise<void>((resolve) => (served = resolve));
    const app = express().get('/', (req, res) => {
      streamAsSse(source, req, res, { heartbeatMs: 60_000, logger, gate });
      served();
    });
    const server = app.listen(0, '127.0.0.1');
    try {
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      const received: string[] = [];
      const ended = new Promise<void>((resolve, reject) => {
        get(`http://127.0.0.1:${port}/`, (res) => {
          res.setEncoding('utf8');
          res.on('data', (text: string) => received.push(text));
          res.on('end', resolve);
        }).on('error', reject);
      });
      await serving;
      const close = jest.spyOn(gate, 'close');
      for (let n = 1; n <= 3; n += 1) {
        source.next({ n });
        await tick();
      }
      source.complete();
      await ended;
      // Taken by the kernel as it was written: nothing was ever left queued for the producer to wait on.
      expect(close).not.toHaveBeenCalled();
      expect(received.join('')).toBe(
        'data: {"n":1}\n\ndata: {"n":2}\n\ndata: {"n":3}\n\ndata: [DONE]\n\n',
      );
    } finally {
      source.complete();
      server.closeAllConnections();
      server.close();
    }
  });

  it('writes each value as `encode` makes it', () => {
    const source = new Subject<string>();
    const res = new RecordingResponse();
    const encode = (value: string) => `{"raw":${value}}`;
    streamAsSse(source, {} as Request, res as unknown as Response, {
      heartbeatMs: 60_000,
      logger,
      encode,
    });
    source.next('1');
    source.complete();
    expect(res.calls).toEqual(['end data: {"raw":1}\n\ndata: [DONE]\n\n']);
  });
});
