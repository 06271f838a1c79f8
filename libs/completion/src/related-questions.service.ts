import { Inject, Injectable, Logger } from '@nestjs/common';
import { LLM_PROVIDER, type LlmProvider, type NumberedSource } from '@answergate/llm';
import { formatSources } from './numbered-sources';
import { cleanQuery } from './query-rephraser.service';
import { askSideTask, stripListMarker } from './side-task';

const MAX_RELATED = 5;

const INSTRUCTIONS =
  'Suggest up to 4 short follow-up questions a reader of these sources might ask next about the ' +
  'question below. Reply with one question a line and nothing else.';

/** Follow-up questions, computed alongside the answer. A failure costs only the list. */
@Injectable()
export class RelatedQuestions {
  private readonly logger = new Logger(RelatedQuestions.name);

  constructor(@Inject(LLM_PROVIDER) private readonly llm: LlmProvider) {}

  async suggest(
    question: string,
    sources: NumberedSource[],
    model: string,
    signal: AbortSignal,
  ): Promise<string[]> {
    try {
      const content = await askSideTask(
        this.llm,
        {
          task: 'related',
          model,
          question,
          sources,
          instructions: `${INSTRUCTIONS}\n\nSources:\n${formatSources(sources)}`,
          input: question,
          temperature: 0.3,
          maxTokens: 150,
        },
        signal,
      );
      return content
        .split('\n')
        .map((line) => cleanQuery(stripListMarker(line)))
        .filter((line) => line.length > 3 && line.toLowerCase() !== question.toLowerCase())
        .slice(0, MAX_RELATED);
    } catch (error) {
      if (!signal.aborted) {
        this.logger.warn(`Related questions failed (${(error as Error).message})`);
      }
      return [];
    }
  }
}
