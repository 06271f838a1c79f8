import type { SearchProfile } from './model-profile';

/** 2026-01-01T00:00:00Z: the release the built-in profiles date from. */
export const BUILT_IN_CREATED = 1_767_225_600;

export interface BuiltInModel {
  id: string;
  search: SearchProfile;
  reasoning: boolean;
  description: string;
}

/** Models every deployment offers (Sonar's five, and `default`); `MODELS` may add more or override these. */
export const BUILT_IN_MODELS: readonly BuiltInModel[] = [
  {
    id: 'default',
    search: 'normal',
    reasoning: false,
    description: 'Searches once and answers with citations.',
  },
  {
    id: 'sonar',
    search: 'normal',
    reasoning: false,
    description: 'Searches once and answers with citations.',
  },
  {
    id: 'sonar-pro',
    search: 'pro',
    reasoning: false,
    description: 'Plans several sub-queries, searches them in parallel and synthesises one answer.',
  },
  {
    id: 'sonar-reasoning',
    search: 'normal',
    reasoning: true,
    description: 'Searches once; the answer starts with its reasoning in a <think> block.',
  },
  {
    id: 'sonar-reasoning-pro',
    search: 'pro',
    reasoning: true,
    description:
      'Plans sub-queries (more with a higher reasoning_effort); the answer starts with its reasoning in a <think> block.',
  },
  {
    id: 'sonar-deep-research',
    search: 'research',
    reasoning: true,
    description: 'Deep research: many searches and readings, one long report.',
  },
];
