const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#') && lower !== '#39')
      return String.fromCodePoint(Number(lower.slice(1)));
    return ENTITIES[lower] ?? whole;
  });
}

/**
 * Visible text of an HTML fragment: scripts, styles and tags dropped, entities decoded. Most
 * search titles and snippets have no `<`, `&` or line break: they skip the passes that need one.
 */
export function htmlToText(html: string): string {
  const text = html.includes('<') ? withoutTags(html) : html;
  const spaced = (text.includes('&') ? decodeEntities(text) : text).replace(/[ \t\f\v]+/g, ' ');
  return (spaced.includes('\n') ? spaced.replace(/\s*\n\s*/g, '\n') : spaced).trim();
}

/** Scripts, styles, comments and tags dropped; a block's tags become line breaks. */
function withoutTags(html: string): string {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?(p|div|br|li|h[1-6]|tr|section|article|header|footer)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ');
}
