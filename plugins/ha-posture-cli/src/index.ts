/**
 * diehard-posture: scans Kubernetes manifests for single points of failure.
 *
 * @packageDocumentation
 */
import { formatBytes } from '@diehard/plugin-ha-posture-common/engine';
import { UnreadableFile, readBounded } from './read/readRegularFile';
import { runCli } from './scan';

export { runCli, EXIT } from './scan';
export type { CliIo } from './scan';

/** Entry point of the bin: real stdio, real exit code. */
export function main(argv: string[] = process.argv.slice(2)): void {
  // A reader that goes away (`| head`) ends the output, not the process with a stack trace.
  process.stdout.on('error', () => process.exit(process.exitCode ?? 0));
  const code = runCli(argv, {
    stdout: t => process.stdout.write(t),
    stderr: t => process.stderr.write(t),
    env: process.env,
    readStdin: maxBytes =>
      readBounded(
        0,
        maxBytes,
        () =>
          new UnreadableFile(
            `larger than the ${formatBytes(
              maxBytes,
            )} limit per file (--max-file-size)`,
          ),
      ),
  });
  process.exitCode = code;
}
