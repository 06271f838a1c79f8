import type { ReasoningEffort, ResearchBudget } from './research.types';

/** Picks up to `count` unseen results, taking one from each list in turn (best first). */
export function pickNewPages<T extends { url: string }>(
  lists: ReadonlyArray<readonly T[]>,
  seen: ReadonlySet<string>,
  count: number,
): Array<{ item: T; list: number }> {
  const picked: Array<{ item: T; list: number }> = [];
  const taken = new Set(seen);
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let rank = 0; rank < longest && picked.length < count; rank++) {
    for (let list = 0; list < lists.length && picked.length < count; list++) {
      const item = lists[list][rank];
      if (!item || taken.has(item.url)) continue;
      taken.add(item.url);
      picked.push({ item, list });
    }
  }
  return picked;
}

/** Pages this round may read: what is left, spread over the rounds left (at least one). */
export function pagesThisRound(budget: ResearchBudget, read: number, round: number): number {
  const left = budget.maxPages - read;
  const roundsLeft = budget.maxRounds - round + 1;
  return Math.max(1, Math.ceil(left / roundsLeft));
}

export type ResearchBudgets = Record<ReasoningEffort, ResearchBudget>;
