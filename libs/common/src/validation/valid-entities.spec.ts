import { describe, expect, it } from '@jest/globals';
import { ValidEntities } from './valid-entities';

describe('ValidEntities', () => {
  it('keeps at most its capacity, forgetting the oldest key first', () => {
    const passed = new ValidEntities(2);
    passed.add('a');
    passed.add('b');
    passed.add('a');
    passed.add('c');
    expect(passed.size).toBe(2);
    expect(passed.has('a')).toBe(false);
    expect(passed.has('b')).toBe(true);
    expect(passed.has('c')).toBe(true);
  });
});
