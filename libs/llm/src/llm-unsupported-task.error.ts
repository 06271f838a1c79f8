import { AppError } from '@answergate/common';
import type { LlmTask } from './llm.types';

/**
 * The provider cannot do this task (the extractive provider cannot plan).
 * Callers catch it and fall back; if it escapes, it answers 501.
 */
export class LlmUnsupportedTaskError extends AppError {
  constructor(
    readonly provider: string,
    readonly task: LlmTask,
  ) {
    super(501, 'server_error', 'unsupported_task', `The ${provider} LLM provider cannot ${task}.`);
  }
}
