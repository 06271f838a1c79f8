import type { BodyCheck } from '../http/reject-unsupported-fields.interceptor';
import type { UnsupportedField } from '../http/unsupported-field';
import { UNSUPPORTED_CHAT_FIELDS } from '../chat/request-fields/unsupported-chat-fields';
import { refuseNonTextParts } from '../chat/request-fields/unsupported-message-parts';

/** The chat fields refused synchronously are refused inside an async `request` too. */
export const UNSUPPORTED_ASYNC_FIELDS: readonly UnsupportedField[] = UNSUPPORTED_CHAT_FIELDS.map(
  (field) => ({ ...field, path: `request.${field.path}` }),
);

export const refuseNonTextPartsInRequest: BodyCheck = (body) => {
  const inner = (body as { request?: unknown } | null)?.request;
  const refused = refuseNonTextParts(inner);
  return refused && { ...refused, param: `request.${refused.param}` };
};
