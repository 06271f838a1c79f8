import type { UnsupportedField } from '../../http/unsupported-field';

const TOOLS =
  'Tool and function calling is not supported: answers come from search results. ' +
  'Remove the field, or call a model API directly for tools.';
const LOGPROBS = 'Token log probabilities are not available from this server; remove the field.';

/** OpenAI chat fields this server will not honour. */
const NEVER: UnsupportedField[] = [
  { path: 'tools', reason: TOOLS },
  { path: 'tool_choice', reason: TOOLS },
  { path: 'parallel_tool_calls', reason: TOOLS },
  { path: 'functions', reason: TOOLS },
  { path: 'function_call', reason: TOOLS },
  { path: 'logprobs', refuses: (value) => value === true, reason: LOGPROBS },
  { path: 'top_logprobs', reason: LOGPROBS },
  {
    path: 'n',
    refuses: (value) => typeof value === 'number' && value > 1,
    reason: 'Only one choice is generated per request: send n = 1, or several requests.',
  },
  {
    path: 'audio',
    reason: 'Audio output is not supported: answers are text. Remove `audio`.',
  },
  {
    path: 'modalities',
    refuses: (value) => !(Array.isArray(value) && value.every((m) => m === 'text')),
    reason: 'Only the "text" modality is supported.',
  },
  {
    path: 'prediction',
    reason: 'Predicted outputs are not supported; remove `prediction`.',
  },
];

const notYet = (path: string): UnsupportedField => ({
  path,
  reason: `\`${path}\` is not supported by this server yet; remove it to get an answer.`,
});

/**
 * Sonar controls not honoured yet (the Sonar-controls issue builds them). Remove a path
 * here in the same change that honours it, and declare it on the request DTO.
 */
const NOT_YET: UnsupportedField[] = [
  'response_format',
  'media_response',
  'image_domain_filter',
  'image_format_filter',
  'web_search_options.user_location',
  'web_search_options.search_type',
  'search_type',
].map(notYet);

/** Every chat request field refused with 400 `unsupported_parameter`, first match wins. */
export const UNSUPPORTED_CHAT_FIELDS: readonly UnsupportedField[] = [...NEVER, ...NOT_YET];
