import type { LlmUsage, NumberedSource } from '@answergate/llm';

export const REASONING_EFFORTS = ['low', 'medium', 'high'] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

/** How far one research may go: rounds of search-and-reflect, and pages read in all. */
export interface ResearchBudget {
  maxRounds: number;
  maxPages: number;
}

/** A page read during the research, numbered across all rounds (`[index]` in the report). */
export interface ReadSource extends NumberedSource {
  round: number;
  /** The sub-question whose search found it. */
  subQuestion: string;
  lastUpdated: string | null;
}

/** What the thinker concluded after a round: what is still unknown, and what to search next. */
export interface Reflection {
  missing: string[];
  queries: string[];
}

/** A thinker's answer with what it cost (zero for the embedded thinker's own tokens). */
export interface Thought<T> {
  value: T;
  usage: LlmUsage;
}

export interface ReportInput {
  question: string;
  subQuestions: string[];
  sources: ReadSource[];
  model: string;
  signal: AbortSignal;
}

/** The report as it is written: text deltas, then what writing it cost. */
export type ReportEvent = { type: 'delta'; content: string } | { type: 'usage'; usage: LlmUsage };

/** Totals of one research, for usage and metrics. */
export interface ResearchTotals {
  rounds: number;
  pages: number;
  queries: number;
}
