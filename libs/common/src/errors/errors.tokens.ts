/** Injection token of the `RequestAuthenticator` the error filter asks about unmatched routes. */
export const REQUEST_AUTHENTICATOR = Symbol('REQUEST_AUTHENTICATOR');
