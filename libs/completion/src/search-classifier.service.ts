import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  LLM_PROVIDER,
  type LlmMessage,
  type LlmProvider,
  NO_SEARCH,
  SEARCH,
} from '@answergate/llm';
import { lastQuestion } from './conversation';
import { askSideTask } from './side-task';

const INSTRUCTIONS =
  'Decide whether answering the user message below needs a web search. Reply with one word: ' +
  `${SEARCH} when it asks for facts, news or anything you would need to look up; ${NO_SEARCH} ` +
  "for greetings, small talk, arithmetic, or rewriting, translating or summarising the user's own text.";

/**
 * `enable_search_classifier`: a short side task (the extractive answerer's rules, or one
 * word from the LLM) decides whether a prompt needs a search at all. When unsure, search.
 */
@Injectable()
export class SearchClassifier {
  private readonly logger = new Logger(SearchClassifier.name);

  constructor(@Inject(LLM_PROVIDER) private readonly llm: LlmProvider) {}

  async needsSearch(messages: LlmMessage[], model: string, signal: AbortSignal): Promise<boolean> {
    const question = lastQuestion(messages);
    let needed = true;
    try {
      const reply = await askSideTask(
        this.llm,
        {
          task: 'classify',
          model,
          question,
          instructions: INSTRUCTIONS,
          input: question,
          temperature: 0,
          maxTokens: 5,
        },
        signal,
      );
      needed = !new RegExp(`\\b${NO_SEARCH}\\b`, 'i').test(reply.replace(/[\s-]+/g, '_'));
      this.logger.log(`Search classifier: ${needed ? 'search' : 'no search'} (${this.llm.name})`);
    } catch (error) {
      if (signal.aborted) throw error;
      this.logger.warn(`Search classifier failed (${(error as Error).message}); searching`);
    }
    return needed;
  }
}
