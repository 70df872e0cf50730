import fsp from 'node:fs/promises';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { RegistryEndpoint } from '../registry/RegistryClient';
import { OciLayout } from './OciLayout';

/** @public */
export interface BuildahBuildOptions {
  /** Build context directory. */
  contextDir: string;
  /** Dockerfile (absolute path). */
  dockerfile: string;
  buildArgs?: Record<string, string>;
  labels?: Record<string, string>;
  /** Where to write the OCI layout. */
  layoutDir: string;
  refName: string;
  /** Scratch space for buildah's vfs storage, auth file, CA dir (removed afterwards by the caller). */
  workDir: string;
  /** Registries FROM lines may pull from (credentials go into a 0600 auth file, never argv). */
  registries: RegistryEndpoint[];
  /** Seconds since the epoch for the image's timestamps (reproducible builds). */
  timestamp?: number;
  logger: LoggerService;
  signal?: AbortSignal;
}

/**
 * A line of build output as the task log shows it: no terminal colours (Maven prints
 * bare resets even in batch mode) nor other control characters, only the last state of
 * a line redrawn with `\r`; empty when nothing is left to read.
 */
export function plainLine(raw: string): string {
  const states = raw.split('\r').map(state =>
    stripVTControlCharacters(state)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .trimEnd(),
  );
  return states.filter(state => state.trim()).pop() ?? '';
}

/** Longest line passed on: a build printing without newlines holds no more than this. */
const LINE_AT_MOST = 4096;

/** Calls `onLine` with each line of `stream`, a longer one in pieces of {@link LINE_AT_MOST}. */
export function eachLine(stream: Readable, onLine: (line: string) => void) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      for (let i = 0; i < line.length || i === 0; i += LINE_AT_MOST)
        onLine(line.slice(i, i + LINE_AT_MOST));
    }
    while (pending.length > LINE_AT_MOST) {
      onLine(pending.slice(0, LINE_AT_MOST));
      pending = pending.slice(LINE_AT_MOST);
    }
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
  });
}

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  logger: LoggerService,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('buildah', args, {
      env,
      signal,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    // Both streams are progress for the task log (buildah writes its own to stderr);
    // a failure is told by the error below, with the last lines.
    for (const stream of [child.stdout, child.stderr]) {
      eachLine(stream, raw => {
        const line = plainLine(raw);
        if (!line) return;
        tail.push(line);
        if (tail.length > 20) tail.shift();
        logger.info(line);
      });
    }
    child.on('error', e =>
      reject(
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? new Error(
              'buildah is not installed on the backend host (Debian package "buildah")',
            )
          : e,
      ),
    );
    child.on('close', code => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `buildah ${args[6] ?? args[0]} failed (exit ${code}): ${tail
              .slice(-5)
              .join(' | ')}`,
          ),
        );
    });
  });
}

/**
 * A Dockerfile build with Debian's buildah, daemonless: vfs storage in a scratch
 * directory, chroot isolation for RUN steps, exported as an OCI layout.
 *
 * @public
 */
export async function buildahBuild(
  options: BuildahBuildOptions,
): Promise<{ digest: string }> {
  const { workDir } = options;
  await fsp.access(options.dockerfile).catch(() => {
    throw new InputError(`no Dockerfile at ${options.dockerfile}`);
  });
  const root = path.join(workDir, 'storage');
  const runroot = path.join(workDir, 'run');
  const certDir = path.join(workDir, 'certs');
  const authFile = path.join(workDir, 'auth.json');
  const registriesConf = path.join(workDir, 'registries.conf');
  await fsp.mkdir(certDir, { recursive: true });
  const auths: Record<string, { auth: string }> = {};
  for (const r of options.registries) {
    if (r.username !== undefined && r.password !== undefined) {
      auths[r.host] = {
        auth: Buffer.from(`${r.username}:${r.password}`).toString('base64'),
      };
    }
    if (r.ca)
      await fsp.writeFile(
        path.join(certDir, `${r.name.replace(/[^A-Za-z0-9_.-]/g, '_')}.crt`),
        r.ca,
      );
  }
  await fsp.writeFile(authFile, JSON.stringify({ auths }), { mode: 0o600 });
  // Fully qualified names only: never fall back to a public registry.
  await fsp.writeFile(
    registriesConf,
    'unqualified-search-registries = []\nshort-name-mode = "enforcing"\n',
  );

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: workDir,
    TMPDIR: workDir,
    BUILDAH_ISOLATION: 'chroot',
    CONTAINERS_REGISTRIES_CONF: registriesConf,
    REGISTRY_AUTH_FILE: authFile,
  };
  const storage = [
    '--root',
    root,
    '--runroot',
    runroot,
    '--storage-driver',
    'vfs',
  ];
  const tag = `localhost/diehard-build:${options.refName.replace(
    /[^A-Za-z0-9_.-]/g,
    '-',
  )}`;
  const bud = [
    ...storage,
    'bud',
    '--isolation',
    'chroot',
    '--format',
    'oci',
    '--layers=false',
    '--pull=false',
    '--authfile',
    authFile,
    '--cert-dir',
    certDir,
    '--file',
    options.dockerfile,
    '--tag',
    tag,
  ];
  if (options.timestamp !== undefined)
    bud.push('--timestamp', String(options.timestamp));
  for (const [k, v] of Object.entries(options.buildArgs ?? {}))
    bud.push('--build-arg', `${k}=${v}`);
  for (const [k, v] of Object.entries(options.labels ?? {}))
    bud.push('--label', `${k}=${v}`);
  bud.push(options.contextDir);
  await run(bud, env, options.logger, options.signal);

  await fsp.rm(options.layoutDir, { recursive: true, force: true });
  await run(
    [
      ...storage,
      'push',
      '--quiet',
      tag,
      `oci:${options.layoutDir}:${options.refName}`,
    ],
    env,
    options.logger,
    options.signal,
  );
  const layout = await OciLayout.open(options.layoutDir);
  const desc = await layout.resolve(options.refName);
  return { digest: desc.digest };
}
