import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Files of the repository root the production install reads besides the skeleton. */
const ROOT_FILES = ['package.json', 'yarn.lock', '.yarnrc.yml'];

export interface ProductionInstall {
  /** The folder to copy to /app: the skeleton's package.json files and node_modules. */
  dir: string;
  /** What is copied from `dir` (yarn's own state is left out). */
  entries: string[];
  /** True when this call ran yarn; false when a cached install was reused. */
  installed: boolean;
}

/** What of the root package.json an install depends on (not its scripts). */
const INSTALL_FIELDS = [
  'workspaces',
  'dependencies',
  'resolutions',
  'dependenciesMeta',
  'packageManager',
];

async function installKey(skeleton: string, repoRoot: string) {
  const hash = crypto.createHash('sha256');
  hash.update(await fsp.readFile(skeleton));
  const pkg = JSON.parse(
    await fsp.readFile(path.join(repoRoot, 'package.json'), 'utf8'),
  );
  hash.update(JSON.stringify(INSTALL_FIELDS.map(f => pkg[f] ?? null)));
  for (const f of ROOT_FILES.slice(1))
    hash.update('\0').update(await fsp.readFile(path.join(repoRoot, f)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The backend's production dependencies, installed as Backstage's Dockerfile does it
 * (the build's skeleton.tar.gz, the root package.json, yarn.lock and .yarnrc.yml, then
 * `yarn workspaces focus --all --production`), but on this machine rather than in a
 * container: the image's base is the same Debian release and the same Node, so native
 * modules (better-sqlite3) built here load there. Cached under `cacheDir` by its inputs;
 * a changed input installs afresh.
 */
export async function productionInstall(options: {
  repoRoot: string;
  skeleton: string;
  cacheDir: string;
  nodeVersion: string;
  report: (line: string) => void;
}): Promise<ProductionInstall> {
  const { repoRoot, cacheDir } = options;
  const key = await installKey(options.skeleton, repoRoot);
  const name = `install-${key}-node${options.nodeVersion}`;
  const dir = path.join(cacheDir, name, 'app');
  const entries = async () =>
    (await fsp.readdir(dir)).filter(e => e !== '.yarn' && e !== '.yarnrc.yml');
  if (fs.existsSync(path.join(cacheDir, name, 'done'))) {
    return { dir, entries: await entries(), installed: false };
  }

  const scratch = path.join(cacheDir, `${name}.tmp`);
  await fsp.rm(scratch, { recursive: true, force: true });
  await fsp.rm(path.join(cacheDir, name), { recursive: true, force: true });
  const app = path.join(scratch, 'app');
  await fsp.mkdir(app, { recursive: true });
  try {
    await exec('tar', ['-xzf', options.skeleton, '-C', app]);
    for (const f of ROOT_FILES)
      await fsp.copyFile(path.join(repoRoot, f), path.join(app, f));
    const started = Date.now();
    options.report(
      'image: installing production dependencies (yarn workspaces focus --all --production)',
    );
    await exec('yarn', ['workspaces', 'focus', '--all', '--production'], {
      cwd: app,
      env: {
        ...process.env,
        // The skeleton holds fewer workspaces than yarn.lock: the lockfile changes, as in
        // Backstage's Dockerfile, so CI's immutable default must not apply here.
        YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
        YARN_ENABLE_TELEMETRY: '0',
      },
      timeout: 30 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    }).catch(e => {
      const out = `${e.stdout ?? ''}`.split('\n').slice(-30).join('\n');
      throw new Error(`yarn workspaces focus failed: ${e.message}\n${out}`);
    });
    options.report(
      `image: production dependencies installed in ${Math.round(
        (Date.now() - started) / 1000,
      )} s`,
    );
    await fsp.writeFile(path.join(scratch, 'done'), `${key}\n`);
    await fsp.rename(scratch, path.join(cacheDir, name));
  } catch (e) {
    await fsp.rm(scratch, { recursive: true, force: true });
    throw e;
  }
  // Hundreds of MB each: the two newest installs are kept (a tree that flips between
  // two states, e.g. a branch switch, reuses both), older ones are dropped.
  const installs = (await fsp.readdir(cacheDir))
    .filter(e => e.startsWith('install-') && !e.endsWith('.tmp'))
    .map(e => ({ e, at: fs.statSync(path.join(cacheDir, e)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { e } of installs.slice(2))
    await fsp.rm(path.join(cacheDir, e), { recursive: true, force: true });
  return { dir, entries: await entries(), installed: true };
}
