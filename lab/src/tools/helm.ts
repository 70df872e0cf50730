import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { labPaths, LabPaths } from '../paths';
import { LabError } from '../util/errors';
import { Reporter, stderrReporter } from '../util/reporter';

/** The helm binary the repository pins, where it is cached. */
export interface HelmBinary {
  /** The pinned release (lab/k8s/helm.env), e.g. `v3.21.4`. */
  version: string;
  /** Absolute path of the binary. */
  path: string;
}

/** The helm release pinned in lab/k8s/helm.env. */
export function pinnedHelmVersion(paths: LabPaths = labPaths()): string {
  const file = path.join(paths.labDir, 'k8s', 'helm.env');
  const m = fs.readFileSync(file, 'utf8').match(/^HELM_VERSION=(\S+)/m);
  if (!m) throw new LabError('lab/k8s/helm.env has no HELM_VERSION');
  return m[1];
}

function cached(paths: LabPaths): HelmBinary & { built: boolean } {
  const version = pinnedHelmVersion(paths);
  const dir = path.join(paths.cacheDir, 'bin', `helm-${version}`);
  const bin = path.join(dir, 'helm');
  return {
    version,
    path: bin,
    built: fs.existsSync(path.join(dir, '.complete')) && fs.existsSync(bin),
  };
}

/**
 * The pinned helm, already built; throws a {@link LabError} naming the command that builds
 * it when it is not (`lab/scripts/build-helm.sh`, also run by `lab/scripts/install-prereqs.sh`).
 */
export function helmBinary(env: NodeJS.ProcessEnv = process.env): HelmBinary {
  const paths = labPaths(env);
  const { version, path: bin, built } = cached(paths);
  if (!built)
    throw new LabError(
      `helm ${version} is not built yet: run lab/scripts/build-helm.sh ` +
        '(once; it builds helm from the Go module proxy into the lab cache, a few minutes on 2 cores)',
    );
  return { version, path: bin };
}

/**
 * The pinned helm, built first from the Go module proxy when missing (lab/scripts/build-helm.sh,
 * its output on `report` line by line). A missing Go or a failed build throws.
 */
export async function ensureHelm(
  options: { env?: NodeJS.ProcessEnv; report?: Reporter } = {},
): Promise<HelmBinary> {
  const env = options.env ?? process.env;
  const paths = labPaths(env);
  const found = cached(paths);
  if (found.built) return { version: found.version, path: found.path };
  const report = options.report ?? stderrReporter;
  report(
    `helm: building ${found.version} from the Go module proxy (once per version)`,
  );
  const script = path.join(paths.labDir, 'scripts', 'build-helm.sh');
  const output: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(script, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) {
          output.push(line);
          if (output.length > 20) output.shift();
          report(`helm: ${line}`);
        }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', c => resolve(c ?? 1));
  });
  if (code !== 0)
    throw new LabError(
      `building helm ${found.version} failed (exit ${code}):\n${output.join(
        '\n',
      )}`,
    );
  return helmBinary(env);
}
