const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * The flat `key: value` front matter docs sites use (Jekyll, Hugo, Docusaurus).
 * Nested YAML is not needed for title, dates and language, so no YAML parser is loaded.
 */
export function splitFrontMatter(content: string): { data: Record<string, string>; body: string } {
  const match = FENCE.exec(content);
  if (!match) return { data: {}, body: content };
  const data: Record<string, string> = {};
  for (const line of match[1].split(/\r?\n/)) {
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    data[pair[1].toLowerCase()] = pair[2].trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return { data, body: content.slice(match[0].length) };
}

/** The first of `keys` that has a value. */
export function pick(data: Record<string, unknown>, ...keys: string[]): unknown {
  for (const key of keys) {
    const value = data[key];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** A scalar value as text; anything else (objects, arrays) counts as missing. */
export function pickText(data: Record<string, unknown>, ...keys: string[]): string | undefined {
  const value = pick(data, ...keys);
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
