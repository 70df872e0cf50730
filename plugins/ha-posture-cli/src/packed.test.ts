import { execFile, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ensureHelm, withPackageFilesSteady } from '@diehard/lab';

// The CLI as a user gets it: both packages built, packed with `yarn pack`, installed with npm
// from their tarballs into an empty folder outside the repository (third-party dependencies
// linked from this repository's node_modules, offline: see scripts/install-packed.sh).
const pkg = resolve(__dirname, '..');
const corpus = resolve(pkg, '../ha-posture-common/corpus');
const fixtures = resolve(pkg, '../ha-posture-render-node/fixtures');

describe('the packed CLI installed from its tarball', () => {
  let dir: string;
  let bin: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diehard-posture-packed-'));
    // Packing rewrites the packages' package.json for a moment: not while a test runs the
    // CLI from source.
    const { stdout } = await withPackageFilesSteady(() =>
      promisify(execFile)(
        'bash',
        [join(pkg, 'scripts/install-packed.sh'), dir],
        {
          encoding: 'utf8',
          timeout: 240_000,
        },
      ).catch(e => {
        throw new Error(`install-packed.sh failed (${e.code}): ${e.stderr}`);
      }),
    );
    bin = stdout.trim();
  }, 900_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(bin, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });

  it('holds the built dist, the bin and the README, and no source, test or bench', () => {
    const installed = join(dir, 'node_modules/@diehard/ha-posture-cli');
    const top = readdirSync(installed);
    expect(top).toEqual(
      expect.arrayContaining(['README.md', 'bin', 'dist', 'package.json']),
    );
    expect(top.filter(f => /^(src|bench|scripts)$/.test(f))).toEqual([]);
    expect(existsSync(join(installed, 'dist/index.cjs.js'))).toBe(true);
    const walk = (d: string): string[] =>
      readdirSync(d).flatMap(f =>
        statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [f],
      );
    expect(walk(installed).filter(f => /\.tsx?$|\.test\./.test(f))).toEqual([]);
    const common = join(dir, 'node_modules/@diehard/plugin-ha-posture-common');
    expect(existsSync(join(common, 'dist/index.cjs.js'))).toBe(true);
    expect(existsSync(join(common, 'src'))).toBe(false);
  });

  it('grades a service from a directory of manifests, without TypeScript at run time', () => {
    const r = run('scan', join(corpus, 'service/eni-todo-ha'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Service eni-todo: grade A \(score 100\)/);
    // Nothing of Backstage's CLI (the development transform) is installed next to it.
    expect(existsSync(join(dir, 'node_modules/@backstage/cli'))).toBe(false);
  });

  it('writes SARIF and fails the build on a critical single point of failure', () => {
    const r = run(
      'scan',
      join(corpus, 'replicas/single-replica'),
      '--format',
      'sarif',
      '--fail-on',
      'critical',
    );
    expect(r.status).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.name).toBe('diehard-posture');
    expect(sarif.runs[0].results.map((x: any) => x.ruleId)).toContain(
      'replicas-single',
    );
  });

  it('renders a Helm chart with the helm it is given', async () => {
    const helm = await ensureHelm({ report: () => {} });
    const r = run(
      'scan',
      join(fixtures, 'chart'),
      '--set',
      'replicaCount=3',
      '--helm',
      helm.path,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^A +Deployment shop\/orders +\(score 100\)$/m);
  });
});
