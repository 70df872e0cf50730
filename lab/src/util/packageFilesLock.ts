import path from 'node:path';
import { withLock } from './lock';

/** In this checkout's node_modules: one checkout's packing never waits on another's. */
const LOCKS = path.resolve(__dirname, '../../../node_modules/.cache/diehard');

/**
 * Runs `fn` while no other test of this checkout packs a package or runs one from source in
 * a child process. `yarn pack` runs Backstage's prepack, which rewrites the package's
 * package.json in place; a CLI started from source that reads it at that moment dies with
 * "Invalid package config" (seen in CI: the CLI's fuzz test beside its packed test).
 */
export function withPackageFilesSteady<T>(fn: () => Promise<T>): Promise<T> {
  return withLock(LOCKS, 'package-files', fn, 15 * 60_000);
}
