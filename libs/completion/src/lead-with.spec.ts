import { describe, expect, it } from '@jest/globals';
import { lastValueFrom, Observable, of, throwError, toArray } from 'rxjs';
import { leadWith } from './lead-with';

describe('leadWith', () => {
  it('subscribes to the rest before the first value goes out', () => {
    const seen: string[] = [];
    const rest = new Observable<string>((subscriber) => {
      seen.push('rest subscribed');
      setImmediate(() => {
        subscriber.next('later');
        subscriber.complete();
      });
    });
    leadWith('first', rest).subscribe((value) => seen.push(value));
    expect(seen).toEqual(['rest subscribed', 'first']);
  });

  it('emits the first value before whatever the rest emits at once', async () => {
    expect(await lastValueFrom(leadWith('first', of('a', 'b')).pipe(toArray()))).toEqual([
      'first',
      'a',
      'b',
    ]);
  });

  it('delivers an error of the rest after the first value', () => {
    const seen: string[] = [];
    leadWith(
      'first',
      throwError(() => new Error('boom')),
    ).subscribe({ next: (v) => seen.push(v), error: (e: Error) => seen.push(e.message) });
    expect(seen).toEqual(['first', 'boom']);
  });

  it('unsubscribes from the rest when unsubscribed', () => {
    let tornDown = false;
    const rest = new Observable<string>(() => () => (tornDown = true));
    leadWith('first', rest).subscribe().unsubscribe();
    expect(tornDown).toBe(true);
  });
});
