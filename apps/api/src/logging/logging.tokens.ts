/** The application's one pino logger (JSON lines to stdout); everything else writes through it. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
