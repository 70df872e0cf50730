import path from 'node:path';
import { labPaths } from '../paths';
import { withLock } from './lock';

/**
 * Runs `fn` while no other test of this checkout packs a package or runs one from source in
 * a child process. `yarn pack` runs Backstage's prepack, which rewrites the package's
 * package.json in place; a CLI started from source that reads it at that moment dies with
 * "Invalid package config" (seen in CI: the CLI's fuzz test beside its packed test).
 */
export function withPackageFilesSteady<T>(fn: () => Promise<T>): Promise<T> {
  // In this checkout's node_modules: one checkout's packing never waits on another's.
  const checkout = path.resolve(labPaths().labDir, '..');
  return withLock(
    path.join(checkout, 'node_modules/.cache/diehard'),
    'package-files',
    fn,
    15 * 60_000,
  );
}
