/** Why a page was not used: `blocked` by the address policy, or `failed` for any other reason. */
export type PageFetchOutcome = 'blocked' | 'failed';

/** A page that could not be read; the reader falls back to the result's snippet. */
export class PageFetchError extends Error {
  constructor(
    readonly outcome: PageFetchOutcome,
    message: string,
  ) {
    super(message);
    this.name = 'PageFetchError';
  }
}

export const blocked = (message: string) => new PageFetchError('blocked', message);
export const failed = (message: string) => new PageFetchError('failed', message);
