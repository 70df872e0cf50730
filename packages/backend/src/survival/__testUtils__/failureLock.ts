import fs from 'node:fs';
import path from 'node:path';
import { labPaths } from '@diehard/lab';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The pid in the lock (0 while it is being written or once it is gone). */
function holderOf(lock: string): number {
  try {
    return Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8')) || 0;
  } catch {
    return 0;
  }
}

/**
 * Runs fn while no other process runs a survival suite's database failure: suites kill
 * the same Galera node, and one suite's restart must not end another's outage. A lock
 * directory in the lab's state dir, taken over when the process that holds it is gone.
 */
export async function exclusiveGaleraFailure<T>(
  fn: () => Promise<T>,
  timeoutMs = 15 * 60_000,
): Promise<T> {
  const lock = path.join(labPaths().stateDir, 'survival-galera-failure.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = holderOf(lock);
      if (holder && !alive(holder)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(
          `${lock} still held by process ${holder} after ${timeoutMs} ms`,
        );
      await new Promise(r => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
