import type { UnsupportedField } from '../http/unsupported-field';

const TOOLS =
  'Tools are not supported: every answer searches and cites on its own. Remove `tools`.';
const nonEmpty = (value: unknown): boolean => !Array.isArray(value) || value.length > 0;

/** Responses API fields this server does not honour: 400 `unsupported_parameter`. */
export const UNSUPPORTED_RESPONSE_FIELDS: readonly UnsupportedField[] = [
  { path: 'tools', refuses: nonEmpty, reason: TOOLS },
  { path: 'tool_choice', refuses: (value) => value !== 'auto' && value !== 'none', reason: TOOLS },
  { path: 'parallel_tool_calls', refuses: (value) => value !== false, reason: TOOLS },
  { path: 'reasoning', reason: '`reasoning` is not supported by this server yet; remove it.' },
  {
    path: 'text',
    refuses: (value) => (value as { format?: { type?: string } }).format?.type !== 'text',
    reason: 'Only plain text output is supported yet; remove `text.format`.',
  },
  { path: 'include', refuses: nonEmpty, reason: '`include` is not supported; remove it.' },
  {
    path: 'background',
    refuses: (value) => value === true,
    reason: 'Background mode is not supported.',
  },
  { path: 'top_logprobs', reason: 'Token log probabilities are not available from this server.' },
  { path: 'conversation', reason: 'Use `previous_response_id` to continue a conversation.' },
  { path: 'prompt', reason: 'Prompt templates are not supported; send `input`.' },
];
