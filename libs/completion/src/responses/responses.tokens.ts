/** Injection token of the `ResponseStore` (Redis when REDIS_URL is set, else memory). */
export const RESPONSE_STORE = Symbol('RESPONSE_STORE');
