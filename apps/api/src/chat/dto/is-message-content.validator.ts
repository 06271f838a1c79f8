import { registerDecorator, type ValidationOptions } from 'class-validator';

/** A text part of a multi-part message; other part types (images, audio) are not supported. */
interface TextPart {
  type: 'text';
  text: string;
}

const isTextPart = (part: unknown): part is TextPart =>
  typeof part === 'object' &&
  part !== null &&
  (part as TextPart).type === 'text' &&
  typeof (part as TextPart).text === 'string';

/** Message `content`: a string, or an array of `{type: "text", text}` parts (OpenAI's two forms). */
export function IsMessageContent(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isMessageContent',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: 'content must be a string or an array of {"type":"text","text":string} parts',
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' ||
          (Array.isArray(value) && value.length > 0 && value.every(isTextPart)),
      },
    });
}

/** The text of a validated content value. */
export function contentText(content: string | TextPart[]): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('\n');
}
