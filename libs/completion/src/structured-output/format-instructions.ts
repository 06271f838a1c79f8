import type { ResponseFormat } from '@answergate/llm';

/**
 * The format said in the prompt as well, for upstreams that ignore `response_format`;
 * citations still go inside the text values.
 */
export function formatInstructions(format: ResponseFormat): string {
  switch (format.type) {
    case 'json_object':
      return 'Reply with one JSON object and nothing else.';
    case 'json_schema':
      return (
        'Reply with one JSON value that conforms to this JSON Schema, and nothing else:\n' +
        JSON.stringify(format.jsonSchema.schema)
      );
    case 'regex':
      return `Reply with text that matches this regular expression in full, and nothing else: ${format.regex}`;
  }
}

/** The follow-up turn of the one retry: what was wrong, and the same request again. */
export function retryInstructions(errors: string[]): string {
  return (
    `Your answer does not conform to the requested format: ${errors.slice(0, 5).join('; ')}. ` +
    'Reply again, with only an answer that conforms.'
  );
}
