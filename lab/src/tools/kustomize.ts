import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { labPaths, LabPaths } from '../paths';
import { LabError } from '../util/errors';
import { Reporter, stderrReporter } from '../util/reporter';

/** The kustomize binary the repository pins, where it is cached. */
export interface KustomizeBinary {
  /** The pinned release (lab/k8s/kustomize.env), e.g. `v5.8.2`. */
  version: string;
  /** Absolute path of the binary. */
  path: string;
}

/** The kustomize release pinned in lab/k8s/kustomize.env. */
export function pinnedKustomizeVersion(paths: LabPaths = labPaths()): string {
  const file = path.join(paths.labDir, 'k8s', 'kustomize.env');
  const m = fs.readFileSync(file, 'utf8').match(/^KUSTOMIZE_VERSION=(\S+)/m);
  if (!m) throw new LabError('lab/k8s/kustomize.env has no KUSTOMIZE_VERSION');
  return m[1];
}

function cached(paths: LabPaths): KustomizeBinary & { built: boolean } {
  const version = pinnedKustomizeVersion(paths);
  const dir = path.join(paths.cacheDir, 'bin', `kustomize-${version}`);
  const bin = path.join(dir, 'kustomize');
  return {
    version,
    path: bin,
    built: fs.existsSync(path.join(dir, '.complete')) && fs.existsSync(bin),
  };
}

/**
 * The pinned kustomize, already built; throws a {@link LabError} naming the command that builds
 * it when it is not (`lab/scripts/build-kustomize.sh`, also run by `lab/scripts/install-prereqs.sh`).
 */
export function kustomizeBinary(
  env: NodeJS.ProcessEnv = process.env,
): KustomizeBinary {
  const paths = labPaths(env);
  const { version, path: bin, built } = cached(paths);
  if (!built)
    throw new LabError(
      `kustomize ${version} is not built yet: run lab/scripts/build-kustomize.sh ` +
        '(once; it builds kustomize from the Go module proxy into the lab cache, a few minutes on 2 cores)',
    );
  return { version, path: bin };
}

/**
 * The pinned kustomize, built first from the Go module proxy when missing (lab/scripts/build-kustomize.sh,
 * its output on `report` line by line). A missing Go or a failed build throws.
 */
export async function ensureKustomize(
  options: { env?: NodeJS.ProcessEnv; report?: Reporter } = {},
): Promise<KustomizeBinary> {
  const env = options.env ?? process.env;
  const paths = labPaths(env);
  const found = cached(paths);
  if (found.built) return { version: found.version, path: found.path };
  const report = options.report ?? stderrReporter;
  report(
    `kustomize: building ${found.version} from the Go module proxy (once per version)`,
  );
  const script = path.join(paths.labDir, 'scripts', 'build-kustomize.sh');
  const output: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(script, [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) {
          output.push(line);
          if (output.length > 20) output.shift();
          report(`kustomize: ${line}`);
        }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', c => resolve(c ?? 1));
  });
  if (code !== 0)
    throw new LabError(
      `building kustomize ${
        found.version
      } failed (exit ${code}):\n${output.join('\n')}`,
    );
  return kustomizeBinary(env);
}
