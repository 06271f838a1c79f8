/** Injection token for the configured `JobStore`. */
export const JOB_STORE = Symbol('JOB_STORE');
/** Injection token for the configured `JobQueue`. */
export const JOB_QUEUE = Symbol('JOB_QUEUE');
