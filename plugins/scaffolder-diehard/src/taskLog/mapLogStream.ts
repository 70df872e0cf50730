import type { LogEvent } from '@backstage/plugin-scaffolder-common';
import type { Observable, Subscription } from '@backstage/types';

type LogObserver = {
  next?(e: LogEvent): void;
  error?(e: Error): void;
  complete?(): void;
};

/**
 * `events`, each passed through the function `mapper` resolves to; what arrives before it
 * does waits, in order. A mapper that fails leaves the events as they are.
 *
 * zen-observable, what the scaffolder's client builds its stream with, ships no types: the
 * stream is mapped here through the subscription itself.
 */
export function mapLogStream(
  events: Observable<LogEvent>,
  mapper: Promise<(e: LogEvent) => LogEvent>,
): Observable<LogEvent> {
  const mapped: Observable<LogEvent> = {
    [Symbol.observable]: () => mapped,
    subscribe: (
      observerOrNext?: LogObserver | ((e: LogEvent) => void),
      onError?: (e: Error) => void,
      onComplete?: () => void,
    ): Subscription => {
      const observer: LogObserver =
        typeof observerOrNext === 'object'
          ? observerOrNext
          : { next: observerOrNext, error: onError, complete: onComplete };
      let map: ((e: LogEvent) => LogEvent) | undefined;
      let closed = false;
      const waiting: Array<() => void> = [];
      const inOrder = (deliver: () => void) => {
        if (map) deliver();
        else waiting.push(deliver);
      };
      mapper
        .catch(() => (e: LogEvent) => e)
        .then(m => {
          map = m;
          for (const deliver of waiting.splice(0)) if (!closed) deliver();
        });
      const subscription = events.subscribe({
        next: e => inOrder(() => observer.next?.(map!(e))),
        error: e => inOrder(() => observer.error?.(e)),
        complete: () => inOrder(() => observer.complete?.()),
      });
      return {
        unsubscribe() {
          closed = true;
          subscription.unsubscribe();
        },
        get closed() {
          return closed || subscription.closed;
        },
      };
    },
  };
  return mapped;
}
