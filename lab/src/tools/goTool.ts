import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { labPaths, LabPaths } from '../paths';
import { LabError } from '../util/errors';
import { Reporter, stderrReporter } from '../util/reporter';

/** A Go tool the repository pins (lab/k8s/<name>.env), where it is cached. */
export interface GoToolBinary {
  /** The pinned release, e.g. `v3.21.4`. */
  version: string;
  /** Absolute path of the binary. */
  path: string;
}

/**
 * A Go tool pinned by `<NAME>_VERSION` in lab/k8s/<name>.env, built from the Go module
 * proxy by lab/scripts/build-<name>.sh into the lab cache as bin/<name>-<v>/<name>.
 */
export function pinnedGoTool(name: string) {
  const envFile = `${name}.env`;
  const variable = `${name.toUpperCase()}_VERSION`;
  const buildScript = `lab/scripts/build-${name}.sh`;

  function pinnedVersion(paths: LabPaths = labPaths()): string {
    const file = path.join(paths.labDir, 'k8s', envFile);
    const m = fs
      .readFileSync(file, 'utf8')
      .match(new RegExp(`^${variable}=(\\S+)`, 'm'));
    if (!m) throw new LabError(`lab/k8s/${envFile} has no ${variable}`);
    return m[1];
  }

  function cached(paths: LabPaths): GoToolBinary & { built: boolean } {
    const version = pinnedVersion(paths);
    const dir = path.join(paths.cacheDir, 'bin', `${name}-${version}`);
    const bin = path.join(dir, name);
    return {
      version,
      path: bin,
      built: fs.existsSync(path.join(dir, '.complete')) && fs.existsSync(bin),
    };
  }

  /** The pinned tool, already built; a {@link LabError} naming the build script when not. */
  function binary(env: NodeJS.ProcessEnv = process.env): GoToolBinary {
    const { version, path: bin, built } = cached(labPaths(env));
    if (!built)
      throw new LabError(
        `${name} ${version} is not built yet: run ${buildScript} ` +
          `(once; it builds ${name} from the Go module proxy into the lab cache, a few minutes on 2 cores)`,
      );
    return { version, path: bin };
  }

  /**
   * The pinned tool, built first when missing (its build script's output on `report`
   * line by line). A missing Go or a failed build throws.
   */
  async function ensure(
    options: { env?: NodeJS.ProcessEnv; report?: Reporter } = {},
  ): Promise<GoToolBinary> {
    const env = options.env ?? process.env;
    const paths = labPaths(env);
    const found = cached(paths);
    if (found.built) return { version: found.version, path: found.path };
    const report = options.report ?? stderrReporter;
    report(
      `${name}: building ${found.version} from the Go module proxy (once per version)`,
    );
    const script = path.join(paths.labDir, 'scripts', `build-${name}.sh`);
    const output: string[] = [];
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawn(script, [], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const onData = (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split('\n'))
          if (line.trim()) {
            output.push(line);
            if (output.length > 20) output.shift();
            report(`${name}: ${line}`);
          }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('error', reject);
      child.on('close', c => resolve(c ?? 1));
    });
    if (code !== 0)
      throw new LabError(
        `building ${name} ${
          found.version
        } failed (exit ${code}):\n${output.join('\n')}`,
      );
    return binary(env);
  }

  return { pinnedVersion, binary, ensure };
}
