/** How the completion pipeline searches for a model. */
export type SearchProfile = 'normal' | 'pro' | 'deep-research';

/** A model this deployment offers, and the pipeline profile it stands for. */
export interface ModelProfile {
  id: string;
  /** Unix seconds; fixed per model so every replica lists the same value. */
  created: number;
  ownedBy: string;
  description: string;
  search: SearchProfile;
  /** The model name sent to the upstream LLM. */
  upstreamModel: string;
}
