import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { formatBytes } from '@diehard/plugin-ha-posture-common/engine';

/** A file that is not read: the reason, for the user. */
export class UnreadableFile extends Error {}

function kindOf(st: import('node:fs').Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a directory';
  return 'not a regular file';
}

/**
 * Reads a regular file of at most `maxBytes`. Opened non-blocking and checked on the open
 * descriptor, so a FIFO, a device (`/dev/zero` behind a `*.yaml` symlink) or a file swapped
 * after a check is refused instead of hanging or filling memory; a file growing while read
 * is cut at the limit and refused.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reasons: Record<string, string> = {
      ENOENT: 'no such file or directory',
      EACCES: 'permission denied',
    };
    throw new UnreadableFile(
      reasons[code ?? ''] ??
        `cannot be opened (${code ?? (e as Error).message})`,
    );
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new UnreadableFile(`${kindOf(st)}: only regular files are read`);
    const tooLarge = () =>
      new UnreadableFile(
        `larger than the ${formatBytes(
          maxBytes,
        )} limit per file (--max-file-size)`,
      );
    if (st.size > maxBytes) throw tooLarge();
    return readBounded(fd, maxBytes, tooLarge);
  } finally {
    closeSync(fd);
  }
}

/** Reads a descriptor to its end, refusing more than `maxBytes`; retries EAGAIN (a non-blocking pipe). */
export function readBounded(
  fd: number,
  maxBytes: number,
  tooLarge: () => Error,
): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 10);
      continue;
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw tooLarge();
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}
