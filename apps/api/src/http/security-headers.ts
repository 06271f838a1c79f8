import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

// Internal deployments often serve plain HTTP: upgrading the Swagger UI's own
// scripts to https would leave /docs blank there.
export const HELMET_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
};

/**
 * The headers helmet sets with our options, worked out once. They depend on nothing in the
 * request (no nonces), so running helmet's dozen middlewares on every request would only
 * recompute the same list.
 */
export function securityHeaders(
  options: HelmetOptions = HELMET_OPTIONS,
): ReadonlyArray<[string, string]> {
  const headers = new Map<string, [string, string]>();
  const recorder = {
    setHeader(name: string, value: string) {
      headers.set(name.toLowerCase(), [name, String(value)]);
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let outcome: { error?: unknown } | undefined;
  const next = (error?: unknown) => (outcome = { error });
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, next);
  if (!outcome || outcome.error) {
    throw new Error(`helmet did not set its headers synchronously: ${String(outcome?.error)}`);
  }
  return [...headers.values()];
}
