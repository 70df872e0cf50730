import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` while holding `dir`/.lock (a file holding our pid), so two processes (jest
 * workers, the CLI) never build into the image cache at once. A lock whose process is
 * gone is taken over.
 */
export async function withCacheLock<T>(
  dir: string,
  fn: () => Promise<T>,
  timeoutMs = 60 * 60_000,
): Promise<T> {
  const file = path.join(dir, '.lock');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fsp.writeFile(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(file, 'utf8') || 0);
      if (holder && !alive(holder)) {
        await fsp.rm(file, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(
          `the image cache is still locked by process ${holder} after ${timeoutMs} ms`,
        );
      await new Promise(r => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    await fsp.rm(file, { force: true });
  }
}
