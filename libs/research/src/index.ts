export { ResearchModule } from './research.module';
export { ResearchService } from './research.service';
export { RESEARCH_THINKER } from './research.tokens';
export type { ResearchThinker } from './thinkers/research-thinker.interface';
export {
  REASONING_EFFORTS,
  type ReasoningEffort,
  type ReadSource,
  type Reflection,
} from './research.types';
