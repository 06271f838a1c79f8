import { describe, expect, it } from '@jest/globals';
import { entityKey, MAX_ENTITY_KEY_CHARS } from './entity-key';

class QueryDto {
  query?: unknown;
}
class OtherDto {
  query?: unknown;
}
const of = <T extends object>(Class: new () => T, fields: Partial<T>): T =>
  Object.assign(new Class(), fields);

describe('entityKey', () => {
  it('is the same for equal values of the same class', () => {
    const key = entityKey(of(QueryDto, { query: ['a', 'b'] }));
    expect(key).toBeDefined();
    expect(entityKey(of(QueryDto, { query: ['a', 'b'] }))).toBe(key);
  });

  it('tells classes apart, at the top and inside, even with the same fields', () => {
    expect(entityKey(of(QueryDto, { query: 'a' }))).not.toBe(
      entityKey(of(OtherDto, { query: 'a' })),
    );
    expect(entityKey({ nested: of(QueryDto, { query: 'a' }) })).not.toBe(
      entityKey({ nested: { query: 'a' } }),
    );
  });

  it('tells apart values that JSON would print alike', () => {
    const keys = [
      { query: 0 },
      { query: -0 },
      { query: '0' },
      { query: undefined },
      {},
      { query: null },
      { query: false },
      { query: [] },
      { query: {} },
      { query: NaN },
      { query: 'a,' },
      { query: ['a', ''] },
      { 'query:': 'a' },
    ].map((value) => entityKey(value));
    expect(keys.every((key) => key !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('tells apart the same fields in another order (a rule may read them in order)', () => {
    expect(entityKey({ a: 1, b: 2 })).not.toBe(entityKey({ b: 2, a: 1 }));
  });

  it('gives up on values it cannot describe exactly, and on large ones', () => {
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    const given = [
      new Date(0),
      Buffer.from('a'),
      new Map(),
      { at: new Date(0) },
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
      cycle,
      Object.create(null) as object,
      { run: () => 1 },
      { big: 1n },
      { text: 'x'.repeat(MAX_ENTITY_KEY_CHARS + 1) },
      { list: Array.from({ length: MAX_ENTITY_KEY_CHARS }, () => 'ab') },
      JSON.parse('{"query":"a","__proto__":{"polluted":true}}') as object,
      { nested: { constructor: 'x' } },
      { prototype: 1 },
    ];
    for (const value of given) expect(entityKey(value)).toBeUndefined();
  });

  it('describes a value met twice that is not a cycle', () => {
    const shared = { role: 'user' };
    expect(entityKey({ a: shared, b: shared })).toBe(
      entityKey({ a: { role: 'user' }, b: { role: 'user' } }),
    );
  });
});
