import { Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '@answergate/auth';
import { DrainService } from '../lifecycle/drain.service';
import { StreamSlots } from '../rate-limit/stream-slots.service';

/**
 * Lets an answer start: a stream takes one of its key's concurrent-stream slots
 * (429 when none is free), and every answer is counted so shutdown can wait for it.
 */
@Injectable()
export class AnswerAdmission {
  constructor(
    private readonly slots: StreamSlots,
    private readonly drain: DrainService,
  ) {}

  /** Returns the function to call once when the answer ends. */
  async admit(req: AuthenticatedRequest, isStream: boolean): Promise<() => void> {
    const releaseSlot = isStream
      ? await this.slots.acquire(req.apiKeyId ?? 'anonymous')
      : undefined;
    const untrack = this.drain.track(isStream);
    return () => {
      releaseSlot?.();
      untrack();
    };
  }
}
