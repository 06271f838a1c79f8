import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '@answergate/auth';
import { Metrics, RateLimitError } from '@answergate/common';
import { DrainService } from '../lifecycle/drain.service';
import type { StreamSlots } from '../rate-limit/stream-slots.service';
import { AnswerAdmission } from './answer-admission.service';

/** Stream slots whose `acquire` waits until the test settles it, counting releases. */
class HeldSlots {
  releases = 0;
  private settle!: (outcome: 'grant' | 'reject') => void;

  acquire(): Promise<() => void> {
    return new Promise((resolve, reject) => {
      this.settle = (outcome) =>
        outcome === 'grant'
          ? resolve(() => (this.releases += 1))
          : reject(new RateLimitError('full', 1));
    });
  }

  grant(): void {
    this.settle('grant');
  }

  reject(): void {
    this.settle('reject');
  }
}

function setup() {
  const slots = new HeldSlots();
  const drain = new DrainService(new Metrics());
  const admission = new AnswerAdmission(slots as unknown as StreamSlots, drain);
  const res = new EventEmitter() as unknown as Response;
  const req = { apiKeyId: 'k', socket: { destroyed: false } } as unknown as AuthenticatedRequest;
  const disconnect = () => (res as unknown as EventEmitter).emit('close');
  return { slots, drain, admission, res, req, disconnect };
}

describe('AnswerAdmission', () => {
  it('gives the slot and the stream count back when the client leaves while the slot is taken', async () => {
    const { slots, drain, admission, res, req, disconnect } = setup();
    const admitted = admission.admit(req, res, true);
    expect(drain.streams).toBe(1);
    disconnect();
    expect(drain.streams).toBe(0);
    slots.grant();
    expect(await admitted).toBeUndefined();
    expect(slots.releases).toBe(1);
    expect(drain.streams).toBe(0);
  });

  it('gives the slot back exactly once when an admitted stream ends and the client then leaves', async () => {
    const { slots, drain, admission, res, req, disconnect } = setup();
    const admitted = admission.admit(req, res, true);
    slots.grant();
    const ticket = await admitted;
    expect(ticket).toBeDefined();
    ticket?.end();
    disconnect();
    ticket?.end();
    expect(slots.releases).toBe(1);
    expect(drain.streams).toBe(0);
  });

  it('leaves no stream counted when the key has no free slot (429)', async () => {
    const { slots, drain, admission, res, req } = setup();
    const admitted = admission.admit(req, res, true);
    slots.reject();
    await expect(admitted).rejects.toBeInstanceOf(RateLimitError);
    expect(drain.streams).toBe(0);
    expect(slots.releases).toBe(0);
  });

  it('counts a non-streamed answer without taking a slot, until its client leaves', async () => {
    const { slots, drain, admission, res, req, disconnect } = setup();
    const ticket = await admission.admit(req, res, false);
    expect(ticket).toBeDefined();
    expect(drain.streams).toBe(1);
    disconnect();
    expect(drain.streams).toBe(0);
    expect(slots.releases).toBe(0);
  });
});
