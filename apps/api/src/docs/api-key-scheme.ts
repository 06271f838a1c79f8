/** The name of the bearer security scheme in the OpenAPI document. */
export const API_KEY_SCHEME = 'api-key';
