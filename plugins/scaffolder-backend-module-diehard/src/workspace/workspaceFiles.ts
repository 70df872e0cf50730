import fsp from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '@backstage/errors';

/** How much the steps of one action have read so far. */
export interface ReadCount {
  files: number;
  bytes: number;
}

export const newReadCount = (): ReadCount => ({ files: 0, bytes: 0 });

/** What a step reads at most: a generated project's manifests are a few kB. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const MAX_FILES = 5_000;

/**
 * The regular files under `abs`, refusing (by their path in the workspace) links,
 * FIFOs, devices and sockets, so that nothing outside the workspace is read and
 * nothing blocks; bounded in count and bytes.
 */
export async function workspaceFiles(
  abs: string,
  workspacePath: string,
  seen: ReadCount,
): Promise<string[]> {
  const rel = path.relative(workspacePath, abs) || '.';
  const st = await fsp.lstat(abs).catch(() => undefined);
  if (!st) throw new InputError(`manifest path ${rel} does not exist`);
  if (st.isSymbolicLink())
    throw new InputError(`manifest path ${rel} is a link: only files are read`);
  if (st.isFile()) {
    seen.files += 1;
    seen.bytes += st.size;
    if (st.size > MAX_FILE_BYTES)
      throw new InputError(
        `manifest file ${rel} is larger than ${
          MAX_FILE_BYTES / 1024 / 1024
        } MiB`,
      );
    if (seen.files > MAX_FILES || seen.bytes > MAX_TOTAL_BYTES)
      throw new InputError(
        `the manifest paths hold more than ${MAX_FILES} files or ${
          MAX_TOTAL_BYTES / 1024 / 1024
        } MiB`,
      );
    return [abs];
  }
  if (!st.isDirectory())
    throw new InputError(
      `manifest path ${rel} is not a regular file or a folder`,
    );
  const out: string[] = [];
  for (const name of (await fsp.readdir(abs)).sort())
    out.push(
      ...(await workspaceFiles(path.join(abs, name), workspacePath, seen)),
    );
  return out;
}
