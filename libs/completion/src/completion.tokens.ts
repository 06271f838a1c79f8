/** Injection token for the `AnswerRunner` that serves `deep-research` models (libs/research). */
export const DEEP_RESEARCH_RUNNER = Symbol('DEEP_RESEARCH_RUNNER');
