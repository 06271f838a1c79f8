import { Inject, Injectable, Logger } from '@nestjs/common';
import { LLM_PROVIDER, type LlmProvider, type ReasoningEffort } from '@answergate/llm';
import { cleanQuery } from './query-rephraser.service';
import { askSideTask, stripListMarker } from './side-task';

export const MAX_SUB_QUERIES = 4;

/** `reasoning_effort` sets how many sub-queries are planned. */
export const SUB_QUERIES_BY_EFFORT: Record<ReasoningEffort, number> = {
  low: 2,
  medium: 3,
  high: 5,
};

const instructions = (count: string) =>
  `Plan a web research for the question below. Reply with a JSON array of ${count} ` +
  'short, distinct search queries that together cover it, and nothing else.';

/** Pro search: the LLM splits a question into sub-queries that are searched in parallel. */
@Injectable()
export class ProSearchPlanner {
  private readonly logger = new Logger(ProSearchPlanner.name);

  constructor(@Inject(LLM_PROVIDER) private readonly llm: LlmProvider) {}

  /** The sub-queries; falls back to the query alone when planning fails (and logs why). */
  async plan(
    query: string,
    model: string,
    signal: AbortSignal,
    effort?: ReasoningEffort,
  ): Promise<string[]> {
    const wanted = effort ? SUB_QUERIES_BY_EFFORT[effort] : undefined;
    try {
      const content = await askSideTask(
        this.llm,
        {
          task: 'plan',
          model,
          question: query,
          instructions: instructions(wanted ? `exactly ${wanted}` : `2 to ${MAX_SUB_QUERIES}`),
          input: query,
          temperature: 0,
          maxTokens: 200,
        },
        signal,
      );
      const queries = parsePlan(content, wanted);
      if (queries.length === 0) throw new Error('the plan held no queries');
      return queries;
    } catch (error) {
      if (signal.aborted) throw error;
      this.logger.warn(
        `Pro search planning failed (${(error as Error).message}); falling back to a single search`,
      );
      return [query];
    }
  }
}

/** Reads a JSON array of strings, or else one query a line; deduplicated, at most `max`. */
export function parsePlan(text: string, max = MAX_SUB_QUERIES): string[] {
  const fromJson = parseJsonList(text);
  const candidates = fromJson.length > 0 ? fromJson : text.split('\n').map(stripListMarker);
  const queries = candidates
    .filter((item): item is string => typeof item === 'string')
    .map(cleanQuery)
    .filter((item) => item.length > 1);
  return [...new Set(queries)].slice(0, max);
}

/** The first JSON array in the text, or an empty list. */
function parseJsonList(text: string): unknown[] {
  const json = /\[[\s\S]*\]/.exec(text)?.[0];
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
