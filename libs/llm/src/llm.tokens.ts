/** Injection token for the configured `LlmProvider`. */
export const LLM_PROVIDER = Symbol('LLM_PROVIDER');
