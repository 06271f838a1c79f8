/**
 * Starts several servers at once. If any fails, the ones that did start are stopped before
 * the failure is thrown, so a failed `beforeAll` never leaves a process keeping Jest alive.
 */
export async function startAll<T>(
  starts: readonly Promise<T>[],
  stop: (started: T) => Promise<unknown>,
): Promise<T[]> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (!failed) return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
  await Promise.allSettled(
    settled.flatMap((s) => (s.status === 'fulfilled' ? [stop(s.value)] : [])),
  );
  throw failed.reason;
}
