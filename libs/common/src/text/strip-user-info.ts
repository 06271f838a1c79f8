/** `scheme://` followed by user info (`user:password@`) before the host; the last `@` wins. */
const USER_INFO = /\b([a-z][a-z\d+.-]*:\/\/)[^\s/?#@"'<>]*(?:@[^\s/?#@"'<>]*)*@/gi;

/**
 * `text` with the user info (`user:password@`) of every URL in it removed, for messages
 * and logs: `https://user:secret@llm.internal/v1` becomes `https://llm.internal/v1`.
 */
export function stripUserInfo(text: string): string {
  return text.replace(USER_INFO, '$1');
}
