/** Injection token of the `RequestAuthenticator` the error filter asks about unmatched routes. */
export const REQUEST_AUTHENTICATOR = Symbol('REQUEST_AUTHENTICATOR');

/** Injection token of the `RouteMethods` the error filter asks which methods a path has. */
export const ROUTE_METHODS = Symbol('ROUTE_METHODS');
