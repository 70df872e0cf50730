import { LabError } from './errors';
import { sleep, tail } from './process';

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Checked on every round: a process that died fails the wait at once. */
  alive?: () => boolean | Promise<boolean>;
  /** Quoted in the error when the wait fails. */
  logFile?: string;
}

/** Polls `probe` until it returns a value; fails with the log's tail on death or timeout. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      lastError = e;
    }
    const log = options.logFile
      ? `\n--- ${options.logFile} ---\n${tail(options.logFile)}`
      : '';
    if (options.alive && !(await options.alive())) {
      throw new LabError(
        `${what}: the process exited before it was ready${log}`,
      );
    }
    if (Date.now() > deadline) {
      const why =
        lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new LabError(
        `${what}: not ready after ${options.timeoutMs / 1000} s${why}${log}`,
      );
    }
    await sleep(options.intervalMs ?? 200);
  }
}
