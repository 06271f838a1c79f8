import type { LlmCompletion, LlmProvider, LlmTask, NumberedSource } from '@answergate/llm';

/** A short helper question to the LLM (rephrase, plan, related): an instruction and one input. */
export interface SideTask {
  task: LlmTask;
  model: string;
  /** The standalone question, for providers that do not read messages. */
  question: string;
  instructions: string;
  input: string;
  temperature: number;
  maxTokens: number;
  sources?: NumberedSource[];
}

/** Asks the LLM a side task and returns its text; rejects as the provider does. */
export async function askSideTask(
  llm: LlmProvider,
  side: SideTask,
  signal: AbortSignal,
): Promise<string> {
  return (await askSideTaskWithUsage(llm, side, signal)).content;
}

/** Like `askSideTask`, with the usage the provider reported (zero when it reported none). */
export async function askSideTaskWithUsage(
  llm: LlmProvider,
  side: SideTask,
  signal: AbortSignal,
): Promise<Required<LlmCompletion>> {
  const { content, usage } = await llm.complete(
    {
      task: side.task,
      model: side.model,
      question: side.question,
      sources: side.sources,
      messages: [
        { role: 'system', content: side.instructions },
        { role: 'user', content: side.input },
      ],
      temperature: side.temperature,
      maxTokens: side.maxTokens,
    },
    signal,
  );
  return { content, usage: usage ?? { promptTokens: 0, completionTokens: 0 } };
}

/** Drops a list marker ("1.", "2)", "-", "*") from the start of a line. */
export const stripListMarker = (line: string): string =>
  line.replace(/^\s*(?:[-*]|\d+[.)])\s*/, '');
