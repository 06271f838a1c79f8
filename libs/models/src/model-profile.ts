/**
 * How the completion pipeline searches for a model: one search, planned sub-queries,
 * or the deep research loop (its own library; until it lands, such a model answers 400).
 */
export type SearchProfile = 'normal' | 'pro' | 'research';

/** A model this deployment offers, and the pipeline profile it stands for. */
export interface ModelProfile {
  id: string;
  /** Unix seconds; fixed per model so every replica lists the same value. */
  created: number;
  ownedBy: string;
  description: string;
  search: SearchProfile;
  /** Answers begin with the model's reasoning in a `<think>…</think>` block. */
  reasoning: boolean;
  /** The model name sent to the upstream LLM. */
  upstreamModel: string;
}
