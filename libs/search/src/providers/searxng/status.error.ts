/** A non-200 answer from SearXNG, kept apart until the client decides whether to retry it. */
export class StatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}
