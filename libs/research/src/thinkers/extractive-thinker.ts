import { concat, defer, from, map, mergeMap, type Observable, of } from 'rxjs';
import { countTokens } from '@answergate/common';
import type { LlmProvider, LlmUsage } from '@answergate/llm';
import type { ReadSource, Reflection, ReportEvent, ReportInput, Thought } from '../research.types';
import type { ResearchThinker } from './research-thinker.interface';
import { mentions, questionTerms } from './question-terms';

const MAX_SUB_QUESTIONS = 4;
const TERMS_PER_QUERY = 2;
const MAX_NEXT_QUERIES = 3;
const NO_COST: LlmUsage = { promptTokens: 0, completionTokens: 0 };

/**
 * Research without a model: sub-queries are the question and groups of its terms;
 * a reflection lists the question's terms no source read so far mentions; the report
 * is the extractive answerer's best cited passages per sub-question, then for the question.
 */
export class ExtractiveThinker implements ResearchThinker {
  constructor(private readonly llm: LlmProvider) {}

  plan(question: string): Promise<Thought<string[]>> {
    const terms = questionTerms(question);
    const groups: string[] = [];
    for (let i = 0; i < terms.length; i += TERMS_PER_QUERY) {
      groups.push(terms.slice(i, i + TERMS_PER_QUERY).join(' '));
    }
    const planned = [
      question.trim(),
      ...groups.filter((g) => g.includes(' ') || terms.length === 1),
    ];
    const value = [...new Set(planned)].slice(0, MAX_SUB_QUESTIONS);
    return Promise.resolve({ value, usage: NO_COST });
  }

  reflect(question: string, sources: readonly ReadSource[]): Promise<Thought<Reflection>> {
    const text = sources.map((s) => `${s.title}\n${s.snippet}`).join('\n');
    const missing = questionTerms(question).filter((term) => !mentions(text, term));
    return Promise.resolve({
      value: { missing, queries: missing.slice(0, MAX_NEXT_QUERIES) },
      usage: NO_COST,
    });
  }

  writeReport(input: ReportInput): Observable<ReportEvent> {
    // A section per planned sub-question and per follow-up query of later rounds.
    const asked = [...input.subQuestions, ...input.sources.map((s) => s.subQuestion)];
    const sections = [...new Set(asked)].filter((q) => q !== input.question);
    const section = (heading: string, question: string, sources: ReadSource[]) =>
      defer(() => from(this.passages(question, sources, input.signal))).pipe(
        map((text): ReportEvent => ({ type: 'delta', content: `## ${heading}\n\n${text}\n\n` })),
      );
    const bySubQuestion = (q: string) => input.sources.filter((s) => s.subQuestion === q);
    let written = '';
    return concat(
      of<ReportEvent>({
        type: 'delta',
        content: `# Research report: ${input.question.trim()}\n\n`,
      }),
      from(sections).pipe(
        // One section at a time, in plan order (the answerer is synchronous anyway).
        mergeMap(
          (q) =>
            section(
              capitalize(q),
              q,
              bySubQuestion(q).length > 0 ? bySubQuestion(q) : input.sources,
            ),
          1,
        ),
      ),
      section('Conclusion', input.question, input.sources),
    ).pipe(
      map((event) => {
        if (event.type === 'delta') written += event.content;
        return event;
      }),
      (events) =>
        concat(
          events,
          defer(() =>
            of<ReportEvent>({
              type: 'usage',
              usage: { promptTokens: 0, completionTokens: countTokens(written) },
            }),
          ),
        ),
    );
  }

  private async passages(question: string, sources: ReadSource[], signal: AbortSignal) {
    const { content } = await this.llm.complete(
      { task: 'answer', model: 'extractive', question, sources, messages: [] },
      signal,
    );
    return content;
  }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
