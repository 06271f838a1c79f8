import type { IncomingMessage } from 'node:http';
import type { ApiKeyStore } from '@answergate/auth';

const JSON_TYPE = /^\s*application\/json\s*(;|$)/i;

/**
 * The body parser's `type` test: a JSON body is parsed only for a request whose key
 * is valid. Routes that need no key take no body, and a request with a wrong key is
 * refused by the auth guard, so guessing keys with large bodies costs no parsing.
 */
export function isJsonFromKeyHolder(keys: ApiKeyStore) {
  return (req: IncomingMessage): boolean => {
    if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) return false;
    return keys.check(req)?.valid === true;
  };
}
