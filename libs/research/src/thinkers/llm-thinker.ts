import { filter, type Observable } from 'rxjs';
import type { LlmProvider } from '@answergate/llm';
import { askSideTaskWithUsage, formatSources, parsePlan } from '@answergate/completion';
import type { ReadSource, Reflection, ReportEvent, ReportInput, Thought } from '../research.types';
import type { ResearchThinker } from './research-thinker.interface';

const PLAN_INSTRUCTIONS =
  'Plan a deep research for the question below. Reply with a JSON array of 2 to 4 ' +
  'sub-questions that together cover it, each a short web search query, and nothing else.';

const REFLECT_INSTRUCTIONS = [
  'You reflect on a research in progress: read the question and the notes gathered so far.',
  'List what is still unknown or contradictory, and the web search queries that would settle it.',
  'Reply with JSON only: {"missing": ["..."], "queries": ["..."]}, both empty when nothing is missing.',
].join('\n');

const REPORT_RULES = [
  'You write a research report that answers the question from the numbered sources below.',
  'Format: a title line starting with "# ", sections starting with "## ", and a last section "## Conclusion".',
  'Cite the sources that support each statement with their numbers in square brackets, like [1] or [2][3].',
  'Use only facts the sources state, and say where they disagree or leave something open.',
].join('\n');

const MAX_NOTE_CHARS = 400;

/** The notes a reflection reads: each source's title and the start of its text. */
function notes(sources: readonly ReadSource[]): string {
  return sources
    .map((s) => `[${s.index}] ${s.title}: ${s.snippet.slice(0, MAX_NOTE_CHARS)}`)
    .join('\n');
}

/** `{"missing": [...], "queries": [...]}` from the reply; anything else means nothing missing. */
export function parseReflection(text: string): Reflection {
  const json = /\{[\s\S]*\}/.exec(text)?.[0];
  if (!json) return { missing: [], queries: [] };
  try {
    const parsed = JSON.parse(json) as { missing?: unknown; queries?: unknown };
    const strings = (value: unknown) =>
      Array.isArray(value)
        ? value.filter((item): item is string => typeof item === 'string' && !!item.trim())
        : [];
    return {
      missing: strings(parsed.missing),
      queries: parsePlan(JSON.stringify(strings(parsed.queries))),
    };
  } catch {
    return { missing: [], queries: [] };
  }
}

/**
 * Plans, reflects and writes with the configured LLM. Upstream failures propagate (a
 * research without its model fails, clearly); an unreadable plan falls back to the question.
 */
export class LlmThinker implements ResearchThinker {
  constructor(private readonly llm: LlmProvider) {}

  async plan(question: string, model: string, signal: AbortSignal): Promise<Thought<string[]>> {
    const { content, usage } = await askSideTaskWithUsage(
      this.llm,
      {
        task: 'plan',
        model,
        question,
        instructions: PLAN_INSTRUCTIONS,
        input: question,
        temperature: 0,
        maxTokens: 300,
      },
      signal,
    );
    const planned = parsePlan(content);
    return { value: planned.length > 0 ? planned : [question], usage };
  }

  async reflect(
    question: string,
    sources: readonly ReadSource[],
    round: number,
    model: string,
    signal: AbortSignal,
  ): Promise<Thought<Reflection>> {
    const { content, usage } = await askSideTaskWithUsage(
      this.llm,
      {
        task: 'plan',
        model,
        question,
        instructions: REFLECT_INSTRUCTIONS,
        input: `Question: ${question}\nRound ${round} done.\nNotes:\n${notes(sources)}`,
        temperature: 0,
        maxTokens: 400,
      },
      signal,
    );
    return { value: parseReflection(content), usage };
  }

  writeReport(input: ReportInput): Observable<ReportEvent> {
    const system = `${REPORT_RULES}\n\nSources:\n${formatSources(input.sources)}`;
    const user = `Question: ${input.question}\nCover: ${input.subQuestions.join('; ')}`;
    return this.llm
      .stream({
        task: 'answer',
        model: input.model,
        question: input.question,
        sources: input.sources,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
        temperature: 0.2,
      })
      .pipe(filter((event): event is ReportEvent => event.type !== 'finish'));
  }
}
