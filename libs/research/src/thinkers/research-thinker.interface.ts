import type { Observable } from 'rxjs';
import type { ReadSource, Reflection, ReportEvent, ReportInput, Thought } from '../research.types';

/**
 * The judgement in a research: planning, reflecting and writing the report. An LLM
 * does it when one is configured; otherwise the embedded thinker does it from the
 * question's terms and the sources' best passages. Injected with `RESEARCH_THINKER`.
 */
export interface ResearchThinker {
  /** Sub-questions that together cover the question (at least one). */
  plan(question: string, model: string, signal: AbortSignal): Promise<Thought<string[]>>;
  /** After `round`: what is still missing from `sources`, and the next queries. */
  reflect(
    question: string,
    sources: readonly ReadSource[],
    round: number,
    model: string,
    signal: AbortSignal,
  ): Promise<Thought<Reflection>>;
  /** The report: a title, a section per sub-question or theme, a conclusion, citing `[n]`. */
  writeReport(input: ReportInput): Observable<ReportEvent>;
}
