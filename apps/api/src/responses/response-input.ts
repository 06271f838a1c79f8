import type { LlmMessage } from '@answergate/llm';
import { registerDecorator, type ValidationOptions } from 'class-validator';

const ROLES = ['user', 'assistant', 'system', 'developer'];
const TEXT_PARTS = ['input_text', 'output_text', 'text'];

interface InputMessage {
  type?: 'message';
  role: string;
  content: string | Array<{ type: string; text: string }>;
}

const isTextPart = (part: unknown): boolean =>
  typeof part === 'object' &&
  part !== null &&
  TEXT_PARTS.includes((part as { type?: string }).type ?? '') &&
  typeof (part as { text?: unknown }).text === 'string';

const isInputMessage = (item: unknown): item is InputMessage => {
  if (typeof item !== 'object' || item === null) return false;
  const { type, role, content } = item as Record<string, unknown>;
  if (type !== undefined && type !== 'message') return false;
  if (typeof role !== 'string' || !ROLES.includes(role)) return false;
  return typeof content === 'string' || (Array.isArray(content) && content.every(isTextPart));
};

/** `input`: a string, or a list of text messages (`input_text` / `output_text` parts). */
export function IsResponseInput(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isResponseInput',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message:
          'input must be a string or a list of messages {role, content} with text content ' +
          '(a string or input_text parts)',
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'string' && value.trim() !== '') ||
          (Array.isArray(value) && value.length > 0 && value.every(isInputMessage)),
      },
    });
}

/** The messages of a validated `input`; `developer` is a system message. */
export function inputMessages(input: string | InputMessage[]): LlmMessage[] {
  if (typeof input === 'string') return [{ role: 'user', content: input }];
  return input.map((message) => ({
    role: message.role === 'developer' ? 'system' : (message.role as LlmMessage['role']),
    content:
      typeof message.content === 'string'
        ? message.content
        : message.content.map((part) => part.text).join('\n'),
  }));
}

export type { InputMessage };
