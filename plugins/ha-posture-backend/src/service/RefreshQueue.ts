import { CustomErrorBase } from '@backstage/errors';

/** Answered as 429: the backend is busy evaluating; the caller may retry later. */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
  statusCode = 429;
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

export interface RefreshLimits {
  /** Evaluations of different entities that run at once. */
  concurrency: number;
  /** Evaluations that may wait for a free slot; the next one is refused with 429. */
  queue: number;
}

/**
 * Runs posture evaluations: one at a time per entity (a caller asking while one runs
 * gets that one's result), at most `concurrency` at once overall, `queue` more
 * waiting, and a 429 beyond that, so a burst of refreshes cannot starve the backend.
 */
export class RefreshQueue {
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly waiting: Array<() => void> = [];
  private active = 0;

  constructor(private readonly limits: RefreshLimits) {}

  /**
   * `job` for `key`, or the one already under way for it. `wait: true` (the scheduled
   * refresh of every entity, which runs them one by one) never gets a 429.
   */
  run<T>(key: string, job: () => Promise<T>, options?: { wait?: boolean }) {
    const current = this.running.get(key);
    if (current) return current as Promise<T>;
    if (
      !options?.wait &&
      this.active >= this.limits.concurrency &&
      this.waiting.length >= this.limits.queue
    ) {
      throw new TooManyRequestsError(
        `${
          this.active + this.waiting.length
        } HA posture evaluations are under way or waiting (haPosture.refresh.concurrency ${
          this.limits.concurrency
        }, haPosture.refresh.queue ${
          this.limits.queue
        }); try again in a few seconds`,
        5,
      );
    }
    const promise = (async () => {
      await this.acquire();
      try {
        return await job();
      } finally {
        this.release();
      }
    })().finally(() => this.running.delete(key));
    this.running.set(key, promise);
    return promise;
  }

  private async acquire() {
    if (this.active < this.limits.concurrency) {
      this.active += 1;
      return;
    }
    // The slot is handed over by release(), so `active` stays counted.
    await new Promise<void>(resolve => this.waiting.push(resolve));
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
