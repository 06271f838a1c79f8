import { AppError } from '@answergate/common';

/** 502: the upstream's answer did not conform to `response_format`, even when asked twice. */
export class InvalidStructuredOutputError extends AppError {
  constructor(firstError: string) {
    super(
      502,
      'upstream_error',
      'invalid_structured_output',
      `The model's answer did not conform to response_format after one retry: ${firstError}`,
      { param: 'response_format' },
    );
  }
}
