import { Observable } from 'rxjs';

/**
 * `first`, then what `rest` emits, with `rest` subscribed before `first` goes out. The
 * answer's upstream request is sent before the sources event is written to the client: a
 * write to a socket can hand the CPU to its reader, and the upstream is the one that is
 * waited for. What `rest` emits while it is being subscribed is held until `first` is out.
 */
export function leadWith<T>(first: T, rest: Observable<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    let held: (() => void)[] | undefined = [];
    const relay = (send: () => void) => (held ? held.push(send) : send());
    const subscription = rest.subscribe({
      // Once `first` is out (every value but the earliest), no closure per value.
      next: (value) => (held ? held.push(() => subscriber.next(value)) : subscriber.next(value)),
      error: (error: unknown) => relay(() => subscriber.error(error)),
      complete: () => relay(() => subscriber.complete()),
    });
    const early = held;
    held = undefined;
    subscriber.next(first);
    early.forEach((send) => send());
    return subscription;
  });
}
