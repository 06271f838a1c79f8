/** A request field this server knows (OpenAI's or Sonar's schema) but does not honour. */
export interface UnsupportedField {
  /** Dotted path in the body, e.g. `web_search_options.user_location`. */
  path: string;
  /** Whether `value` is refused; by default any value but `null`. */
  refuses?: (value: unknown) => boolean;
  /** The error message: what is not supported and what to do instead. */
  reason: string;
}

/** The first refused field of `body`, with its path, or undefined. */
export function findUnsupportedField(
  body: unknown,
  fields: readonly UnsupportedField[],
): UnsupportedField | undefined {
  return fields.find((field) => {
    const value = valueAt(body, field.path);
    if (value === undefined || value === null) return false;
    return field.refuses ? field.refuses(value) : true;
  });
}

function valueAt(body: unknown, path: string): unknown {
  let value = body;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
