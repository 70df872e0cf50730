import { NetworkError } from './http';

/** @public */
export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  /** First back-off delay; doubles each time, capped at 5 s. */
  initialDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, initialDelayMs: 200 };

/** An HTTP status worth retrying: the registry is overloaded or restarting. */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

export function isTransient(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    (error as { transient?: boolean })?.transient === true
  );
}

export function backoff(policy: RetryPolicy, attempt: number): Promise<void> {
  const ms = Math.min(5000, policy.initialDelayMs * 2 ** attempt);
  return new Promise(r => setTimeout(r, ms));
}

/** Runs `fn`, retrying transient failures with exponential back-off. */
export async function withRetries<T>(
  policy: RetryPolicy,
  fn: (attempt: number) => Promise<T>,
  onRetry?: (error: unknown, attempt: number) => void,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (!isTransient(e) || attempt >= policy.retries) throw e;
      onRetry?.(e, attempt + 1);
      await backoff(policy, attempt);
    }
  }
}
