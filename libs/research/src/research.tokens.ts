/** Injection token for the configured `ResearchThinker`. */
export const RESEARCH_THINKER = Symbol('RESEARCH_THINKER');
