import type { BodyCheck } from '../../http/reject-unsupported-fields.interceptor';

/**
 * Message content other than text (images, audio, files) cannot be searched or answered:
 * refused naming the part, e.g. `messages[0].content[1]`.
 */
export const refuseNonTextParts: BodyCheck = (body) => {
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return undefined;
  for (const [i, message] of messages.entries()) {
    const content = (message as { content?: unknown } | null)?.content;
    if (!Array.isArray(content)) continue;
    for (const [j, part] of content.entries()) {
      const type = (part as { type?: unknown } | null)?.type;
      if (typeof type === 'string' && type !== 'text') {
        return {
          param: `messages[${i}].content[${j}]`,
          reason: `Message parts of type "${type}" are not supported: send text only.`,
        };
      }
    }
  }
  return undefined;
};
