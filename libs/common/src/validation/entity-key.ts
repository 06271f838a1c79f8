/** Keys longer than this are not made: large bodies are validated every time. */
export const MAX_ENTITY_KEY_CHARS = 2048;

/** Names Nest's pipe deletes from a body before the transform (prototype pollution). */
const STRIPPED_NAMES = new Set(['__proto__', 'prototype', 'constructor']);

const classIds = new WeakMap<object, string>();
let classCount = 0;

/** A short tag per class (per prototype), the same for the life of the process. */
export function classTag(prototype: object): string {
  let tag = classIds.get(prototype);
  if (tag === undefined) {
    tag = `#${classCount++}`;
    classIds.set(prototype, tag);
  }
  return tag;
}

/** The key being written; `text` becomes undefined once it cannot be made. */
interface Draft {
  text: string | undefined;
}

function append(draft: Draft, part: string): void {
  if (draft.text === undefined) return;
  const text = draft.text + part;
  draft.text = text.length > MAX_ENTITY_KEY_CHARS ? undefined : text;
}

function describeObject(draft: Draft, item: object): void {
  if (Array.isArray(item)) {
    append(draft, '[');
    for (let index = 0; index < item.length && draft.text !== undefined; index += 1) {
      if (!(index in item)) draft.text = undefined;
      else describe(draft, item[index]);
      append(draft, ',');
    }
    return append(draft, ']');
  }
  const prototype = Object.getPrototypeOf(item) as object | null;
  // Class instances and plain objects say `[object Object]`; Date, Map, Buffer… do not.
  if (prototype === null || Object.prototype.toString.call(item) !== '[object Object]') {
    draft.text = undefined;
    return;
  }
  append(draft, prototype === Object.prototype ? '{' : `${classTag(prototype)}{`);
  const names = Object.keys(item);
  for (let index = 0; index < names.length && draft.text !== undefined; index += 1) {
    if (STRIPPED_NAMES.has(names[index])) draft.text = undefined;
    append(draft, `${JSON.stringify(names[index])}:`);
    describe(draft, (item as Record<string, unknown>)[names[index]]);
    append(draft, ',');
  }
  append(draft, '}');
}

function describe(draft: Draft, item: unknown): void {
  switch (typeof item) {
    case 'string':
      // Checked first: a long text is not quoted only to be thrown away.
      if (item.length > MAX_ENTITY_KEY_CHARS) draft.text = undefined;
      else append(draft, JSON.stringify(item));
      return;
    case 'number':
      return append(draft, Object.is(item, -0) ? '-0' : String(item));
    case 'boolean':
      return append(draft, item ? 't' : 'f');
    case 'undefined':
      return append(draft, 'u');
    case 'object':
      if (item === null) return append(draft, 'n');
      return describeObject(draft, item);
    default:
      draft.text = undefined;
  }
}

/**
 * A text that is equal for two values exactly when validating them must give the same
 * verdict: their structure, every primitive (strings quoted, `-0` apart from `0`,
 * `undefined` apart from a missing key) and the class of every object. Undefined for
 * anything else (dates, buffers, maps, functions, sparse arrays, prototypes of `null`,
 * keys Nest's pipe strips: `__proto__`, `prototype`, `constructor`) and past
 * `MAX_ENTITY_KEY_CHARS` (a cycle gets there too), so such values are always validated.
 */
export function entityKey(value: unknown): string | undefined {
  const draft: Draft = { text: '' };
  describe(draft, value);
  return draft.text;
}
