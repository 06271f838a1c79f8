/**
 * A deep copy of a transformed DTO, made as class-transformer makes one: each object with
 * `new` of its class (a plain object for a plain one), then its own fields in order. Only
 * for trees of plain objects, class instances, arrays and primitives whose every property
 * is an own, enumerable, string-named field (what class-transformer builds from JSON), so
 * the copy cannot be told from the original; undefined for anything else.
 */
export function copyEntity<T>(value: T): T | undefined {
  const done = { ok: true };
  const copy = copyItem(value, done) as T;
  return done.ok ? copy : undefined;
}

function copyItem(item: unknown, done: { ok: boolean }): unknown {
  if (typeof item === 'function' || typeof item === 'symbol' || typeof item === 'bigint') {
    done.ok = false;
    return undefined;
  }
  if (typeof item !== 'object' || item === null || !done.ok) return item;
  if (Array.isArray(item)) {
    // Indices and `length` only: no holes, no extra fields.
    if (Object.getOwnPropertyNames(item).length !== item.length + 1) done.ok = false;
    return item.map((element) => copyItem(element, done));
  }
  const prototype = Object.getPrototypeOf(item) as { constructor?: unknown } | null;
  const names = Object.keys(item);
  if (
    prototype === null ||
    Object.prototype.toString.call(item) !== '[object Object]' ||
    typeof prototype.constructor !== 'function' ||
    Object.getOwnPropertyNames(item).length !== names.length ||
    Object.getOwnPropertySymbols(item).length > 0
  ) {
    done.ok = false;
    return undefined;
  }
  const copy =
    prototype === Object.prototype
      ? ({} as Record<string, unknown>)
      : new (prototype.constructor as new () => Record<string, unknown>)();
  for (const name of names) copy[name] = copyItem((item as Record<string, unknown>)[name], done);
  // A constructor that sets a field the original lacks would make the copy differ.
  if (Object.keys(copy).length !== names.length) done.ok = false;
  return copy;
}
