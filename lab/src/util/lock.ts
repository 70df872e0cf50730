import fsp from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { LabError } from './errors';
import { sleep } from './process';

/**
 * Runs `fn` holding the lab-wide lock `name` (a lock directory in the state dir), so
 * that two jest workers or a worker and the CLI never start the same component twice.
 * A holder that dies leaves a stale lock that is taken over after 20 s.
 */
export async function withLock<T>(
  stateDir: string,
  name: string,
  fn: () => Promise<T>,
  timeoutMs = 30 * 60_000,
): Promise<T> {
  await fsp.mkdir(stateDir, { recursive: true });
  // The target (not only lockfilePath) must differ per lock: proper-lockfile keys
  // the locks a process holds by target.
  const target = path.join(stateDir, name);
  const lockfilePath = `${target}.lock`;
  const deadline = Date.now() + timeoutMs;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lockfile.lock(target, {
        realpath: false,
        stale: 20_000,
        update: 5_000,
        onCompromised: () => {
          /* another process took a lock it thought stale; the work continues */
        },
      });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
      if (Date.now() > deadline) {
        throw new LabError(
          `timed out waiting for the lab lock ${lockfilePath}`,
        );
      }
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => {});
  }
}
