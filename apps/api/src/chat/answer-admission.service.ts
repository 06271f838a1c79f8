import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '@answergate/auth';
import { DrainService } from '../lifecycle/drain.service';
import { StreamSlots } from '../rate-limit/stream-slots.service';
import { AnswerTicket } from './answer-ticket';

/**
 * Lets an answer start: a stream takes one of its key's concurrent-stream slots
 * (429 when none is free), and every answer is counted so shutdown can wait for it.
 * The disconnect handler is in place before the first await, so every path that
 * takes something gives it back exactly once.
 */
@Injectable()
export class AnswerAdmission {
  constructor(
    private readonly slots: StreamSlots,
    private readonly drain: DrainService,
  ) {}

  /**
   * Resolves with the ticket to `end()` when the answer ends, or `undefined` when
   * the client left during admission (everything is already given back then).
   */
  async admit(
    req: AuthenticatedRequest,
    res: Response,
    isStream: boolean,
  ): Promise<AnswerTicket | undefined> {
    const ticket = new AnswerTicket(this.drain.streamsStop);
    res.once('close', ticket.end);
    if (req.socket.destroyed) ticket.end();
    ticket.hold(this.drain.track(isStream));
    if (isStream) {
      try {
        ticket.hold(await this.slots.acquire(req.apiKeyId ?? 'anonymous'));
      } catch (error) {
        ticket.end();
        throw error;
      }
    }
    return ticket.ended ? undefined : ticket;
  }
}
