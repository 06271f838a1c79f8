import type { SearchProfile } from './model-profile';

/** 2026-01-01T00:00:00Z: the release the built-in profiles date from. */
export const BUILT_IN_CREATED = 1_767_225_600;

/** Models every deployment offers; `MODELS` may add more or override these. */
export const BUILT_IN_MODELS: ReadonlyArray<{
  id: string;
  search: SearchProfile;
  description: string;
}> = [
  { id: 'default', search: 'normal', description: 'Searches once and answers with citations.' },
  { id: 'sonar', search: 'normal', description: 'Searches once and answers with citations.' },
  {
    id: 'sonar-pro',
    search: 'pro',
    description: 'Plans several sub-queries, searches them in parallel and synthesises one answer.',
  },
  {
    id: 'sonar-deep-research',
    search: 'deep-research',
    description:
      'Researches in rounds (plan, search, read, reflect) and writes a cited report; best run async.',
  },
];
