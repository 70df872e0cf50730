import { spawn } from 'node:child_process';

/**
 * Why the Dockerfile builder cannot run on this host, or undefined when
 * `buildah --version` answers within `timeoutMs`.
 *
 * @public
 */
export function buildahUnavailable(
  timeoutMs = 10_000,
): Promise<string | undefined> {
  return new Promise(resolve => {
    const child = spawn('buildah', ['--version'], {
      env: process.env,
      stdio: 'ignore',
      timeout: timeoutMs,
    });
    child.on('error', e =>
      resolve(
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'buildah is not installed on the backend host: install the Debian package "buildah"'
          : `buildah does not run on the backend host: ${(e as Error).message}`,
      ),
    );
    child.on('close', (code, signal) =>
      resolve(
        code === 0
          ? undefined
          : `buildah does not run on the backend host (\`buildah --version\` ${
              signal ? `was stopped by ${signal}` : `exited ${code}`
            })`,
      ),
    );
  });
}
