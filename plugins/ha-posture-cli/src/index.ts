/**
 * diehard-posture: scans Kubernetes manifests for single points of failure.
 *
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { runCli } from './scan';

export { runCli, EXIT } from './scan';
export type { CliIo } from './scan';

/** Entry point of the bin: real stdio, real exit code. */
export function main(argv: string[] = process.argv.slice(2)): void {
  const code = runCli(argv, {
    stdout: t => process.stdout.write(t),
    stderr: t => process.stderr.write(t),
    readStdin: () => readFileSync(0, 'utf8'),
  });
  process.exitCode = code;
}
