import os from 'node:os';
import path from 'node:path';

/** Where the lab keeps its state, its cached binaries and its own files. */
export interface LabPaths {
  /** The repository root (DIEHARD_ROOT). */
  root: string;
  /** The lab package (lab/). */
  labDir: string;
  /** State: pid files, data directories, logs, credentials (`$DIEHARD_ROOT/.lab`). */
  stateDir: string;
  /** Binaries cached by version, outside the work tree. */
  cacheDir: string;
}

export function labPaths(env: NodeJS.ProcessEnv = process.env): LabPaths {
  // The lab always runs from its sources (main: src/index.ts), never from a build.
  // eslint-disable-next-line no-restricted-syntax
  const labDir = path.resolve(__dirname, '..');
  const root = env.DIEHARD_ROOT
    ? path.resolve(env.DIEHARD_ROOT)
    : path.resolve(labDir, '..');
  return {
    root,
    labDir,
    stateDir: env.DIEHARD_LAB_DIR
      ? path.resolve(env.DIEHARD_LAB_DIR)
      : path.join(root, '.lab'),
    cacheDir: env.DIEHARD_CACHE
      ? path.resolve(env.DIEHARD_CACHE)
      : path.join(os.homedir(), '.cache', 'diehard'),
  };
}
