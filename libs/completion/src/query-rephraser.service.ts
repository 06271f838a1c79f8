import { Inject, Injectable, Logger } from '@nestjs/common';
import { LLM_PROVIDER, type LlmMessage, type LlmProvider } from '@answergate/llm';
import { dialogue, isFirstTurn, lastQuestion } from './conversation';
import { askSideTask } from './side-task';

const MAX_QUERY_LENGTH = 300;

const INSTRUCTIONS =
  'Rewrite the last user message of the conversation below as one standalone web search query ' +
  'that can be understood without the conversation. Reply with the query only.';

/** Turns a follow-up question ("and its population?") into a standalone search query. */
@Injectable()
export class QueryRephraser {
  private readonly logger = new Logger(QueryRephraser.name);

  constructor(@Inject(LLM_PROVIDER) private readonly llm: LlmProvider) {}

  async rephrase(messages: LlmMessage[], model: string, signal: AbortSignal): Promise<string> {
    const question = lastQuestion(messages);
    if (isFirstTurn(messages)) return question;
    const transcript = dialogue(messages)
      .map((message) => `${message.role}: ${message.content}`)
      .join('\n');
    try {
      const content = await askSideTask(
        this.llm,
        {
          task: 'rephrase',
          model,
          question,
          instructions: INSTRUCTIONS,
          input: transcript,
          temperature: 0,
          maxTokens: 64,
        },
        signal,
      );
      const query = cleanQuery(content);
      return query || question;
    } catch (error) {
      if (signal.aborted) throw error;
      this.logger.warn(
        `Rephrasing failed (${(error as Error).message}); searching the question as asked`,
      );
      return question;
    }
  }
}

/** First line, without quotes or a "Query:" label, bounded in length. */
export function cleanQuery(text: string): string {
  const firstLine = text.trim().split('\n')[0] ?? '';
  return firstLine
    .replace(/^(search )?query:\s*/i, '')
    .replace(/^["'`]+|["'`]+$/g, '')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}
