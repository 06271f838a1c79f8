import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import type { LoggerService } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Subject } from 'rxjs';
import { streamAsSse } from './stream-as-sse';
import { WriteGate } from './write-gate';

/**
 * A response over a socket that takes every write at once until `full` is set; then what is
 * written stays queued (`writableLength`) until `takeAll()`, as when the kernel's buffer is full.
 */
class FakeResponse extends EventEmitter {
  full = false;
  written: string[] = [];
  writableLength = 0;
  headersSent = false;
  writableEnded = false;
  destroyed = false;
  private callbacks: (() => void)[] = [];
  status() {
    return this;
  }
  set() {
    return this;
  }
  flushHeaders() {
    this.headersSent = true;
  }
  write(text: string, callback?: () => void): boolean {
    this.written.push(text);
    if (!this.full) {
      if (callback) process.nextTick(callback);
      return true;
    }
    this.writableLength += text.length;
    if (callback) this.callbacks.push(callback);
    return this.writableLength < 16 * 1024;
  }
  /** The kernel takes everything queued: each write's callback runs, and `drain`. */
  takeAll() {
    this.full = false;
    this.writableLength = 0;
    for (const callback of this.callbacks.splice(0)) callback();
    this.emit('drain');
  }
  end(text: string) {
    this.written.push(text);
    this.writableEnded = true;
  }
}

const logger = { log() {}, error() {}, warn() {} } as unknown as LoggerService;
const tick = () => new Promise((resolve) => process.nextTick(resolve));

function open() {
  const source = new Subject<{ n: number }>();
  const res = new FakeResponse();
  const gate = new WriteGate();
  streamAsSse(source, {} as Request, res as unknown as Response, {
    heartbeatMs: 60_000,
    logger,
    gate,
  });
  return { source, res, gate };
}

describe('streamAsSse backpressure', () => {
  it('closes the gate when the kernel leaves a write queued and opens it once the write is done', async () => {
    const { source, res, gate } = open();
    source.next({ n: 1 });
    await tick();
    expect(gate.whenOpen()).toBeUndefined();

    res.full = true;
    source.next({ n: 2 });
    await tick();
    const waiting = gate.whenOpen();
    expect(waiting).toBeInstanceOf(Promise);

    let opened = false;
    void waiting!.then(() => (opened = true));
    await tick();
    expect(opened).toBe(false);
    res.takeAll();
    await waiting;
    expect(opened).toBe(true);
    expect(gate.whenOpen()).toBeUndefined();
    source.complete();
    expect(res.written.join('')).toContain('data: [DONE]');
  });

  it('closes the gate on a small write left queued, before write() would return false', async () => {
    const { source, res, gate } = open();
    res.full = true;
    source.next({ n: 1 });
    await tick();
    // One short event is queued, far below the response's high-water mark: the producer waits.
    expect(res.writableLength).toBeGreaterThan(0);
    expect(res.writableLength).toBeLessThan(1024);
    const waiting = gate.whenOpen();
    expect(waiting).toBeInstanceOf(Promise);
    res.takeAll();
    await waiting;
    expect(gate.whenOpen()).toBeUndefined();
    source.complete();
  });

  it('opens the gate when the client goes away, so a waiting producer is not left hanging', async () => {
    const { source, res, gate } = open();
    res.full = true;
    source.next({ n: 1 });
    await tick();
    const waiting = gate.whenOpen();
    expect(waiting).toBeInstanceOf(Promise);
    res.emit('close');
    await expect(waiting).resolves.toBeUndefined();
    expect(source.observed).toBe(false);
  });

  it('writes at once when one tick queues 16 KB, so a full socket closes the gate within the tick', () => {
    const { source, res, gate } = open();
    res.full = true;
    const big = 'x'.repeat(1024);
    source.next({ n: 1 }); // small: waits for the tick
    expect(res.written).toHaveLength(0);
    for (let i = 0; i < 16; i += 1) source.next({ n: i, big } as unknown as { n: number });
    // No tick has passed: the 16 KB went out in one write and the gate is already closed.
    expect(res.written).toHaveLength(1);
    expect(gate.whenOpen()).toBeInstanceOf(Promise);
    source.complete();
  });
});
