import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { LiveCopies } from './live-copies';

interface Item {
  text: string;
  tag: string;
}
const sameTag = (a: Item, b: Item) => a.tag === b.tag;

describe('LiveCopies', () => {
  it('gives back the live object for a new one with the same text and equal fields', () => {
    const copies = new LiveCopies<Item>(sameTag);
    const first = { text: 'a long passage', tag: 'x' };
    expect(copies.share(first.text, first)).toBe(first);
    const again = { text: ['a long', 'passage'].join(' '), tag: 'x' };
    expect(copies.share(again.text, again)).toBe(first);
  });

  it('keeps an object whose other fields differ, and leaves the first one shared', () => {
    const copies = new LiveCopies<Item>(sameTag);
    const first = { text: 'passage', tag: 'x' };
    const other = { text: 'passage', tag: 'y' };
    copies.share(first.text, first);
    expect(copies.share(other.text, other)).toBe(other);
    expect(copies.share('passage', { text: 'passage', tag: 'x' })).toBe(first);
  });

  it('keeps objects with different texts apart', () => {
    const copies = new LiveCopies<Item>(sameTag);
    const a = { text: 'one', tag: 'x' };
    const b = { text: 'two', tag: 'x' };
    expect(copies.share(a.text, a)).toBe(a);
    expect(copies.share(b.text, b)).toBe(b);
    expect(copies.size).toBe(2);
  });

  it('forgets a text once no one holds its object any more', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const copies = new LiveCopies<Item>(sameTag);
    copies.share('dropped', { text: 'dropped', tag: 'x' });
    const kept = { text: 'kept', tag: 'x' };
    copies.share(kept.text, kept);
    // A weak reference holds its object until the current job ends; finalizers run later.
    for (let i = 0; i < 10 && copies.size > 1; i += 1) {
      await sleep(0);
      gc();
      await sleep(0);
    }
    expect(copies.size).toBe(1);
    expect(copies.share('kept', { text: 'kept', tag: 'x' })).toBe(kept);
  });
});
