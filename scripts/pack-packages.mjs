#!/usr/bin/env node
// Packs every publishable workspace (not "private") with `yarn pack`, one at a time, into
// OUT_DIR and checks each tarball holds what it needs at run time and nothing of the
// workspace: the entry points its package.json names, its config schema, its migrations,
// its bin, the license, no source, test or bench, no `workspace:` range.
//
//   node scripts/pack-packages.mjs [--build] [OUT_DIR (default: $TMPDIR/diehard-packages)]
//
// --build runs `backstage-cli package build` in each package first. Exit 1 names every
// package and what its tarball lacks. Packing rewrites a package's package.json for about a
// second (backstage-cli package prepack): run this step alone, not beside the jest suite.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const build = args.includes('--build');
const outDir = resolve(
  args.find(a => !a.startsWith('--')) ?? join(tmpdir(), 'diehard-packages'),
);
mkdirSync(outDir, { recursive: true });

const workspaces = execFileSync('yarn', ['workspaces', 'list', '--json'], {
  cwd: root,
  encoding: 'utf8',
})
  .trim()
  .split('\n')
  .map(l => JSON.parse(l).location)
  .filter(l => l !== '.');

const publishable = workspaces
  .map(location => ({
    location,
    pkg: JSON.parse(readFileSync(join(root, location, 'package.json'), 'utf8')),
  }))
  .filter(w => !w.pkg.private);

const license = readFileSync(join(root, 'LICENSE'), 'utf8');

const walk = dir =>
  readdirSync(dir).flatMap(f =>
    statSync(join(dir, f)).isDirectory()
      ? walk(join(dir, f)).map(g => `${f}/${g}`)
      : [f],
  );

const strip = p => p.replace(/^\.\//, '');

function problemsOf(location, source, unpacked) {
  const problems = [];
  const files = new Set(walk(unpacked));
  const packed = JSON.parse(
    readFileSync(join(unpacked, 'package.json'), 'utf8'),
  );
  const need = (file, why) => {
    if (!files.has(strip(file))) problems.push(`lacks ${strip(file)} (${why})`);
  };

  for (const field of ['main', 'module', 'types']) {
    if (packed[field]) need(packed[field], field);
  }
  if (!packed.main) problems.push('names no main');
  else if (!/^(\.\/)?dist\//.test(packed.main))
    problems.push(`main is ${packed.main}, not in dist`);
  if (!packed.types && packed.backstage?.role !== 'cli')
    problems.push('names no types');
  const targets = v =>
    typeof v === 'string' ? [v] : Object.values(v ?? {}).flatMap(targets);
  for (const target of targets(packed.exports)) need(target, 'exports');
  for (const bin of targets(packed.bin)) need(bin, 'bin');
  if (source.configSchema) {
    if (!packed.configSchema) problems.push('lost its configSchema');
    else need(packed.configSchema, 'configSchema');
  }
  const migrations = join(root, location, 'migrations');
  if (existsSync(migrations)) {
    for (const m of readdirSync(migrations))
      need(`migrations/${m}`, 'migration');
  }
  if (!files.has('LICENSE')) problems.push('lacks LICENSE');
  else if (readFileSync(join(unpacked, 'LICENSE'), 'utf8') !== license)
    problems.push('LICENSE differs from the root LICENSE');
  if (packed.license !== 'Apache-2.0')
    problems.push(`license is ${packed.license}`);
  if (packed.private) problems.push('is private');
  if (packed.publishConfig?.access !== 'public')
    problems.push('publishConfig.access is not public');
  for (const f of files) {
    if (
      /^(src|bench|scripts|e2e-tests)\//.test(f) ||
      /\.test\.|\.bench\.|(^|\/)__fixtures__\//.test(f) ||
      (/\.tsx?$/.test(f) && !/\.d\.ts$/.test(f) && f !== 'config.d.ts')
    )
      problems.push(`holds ${f}`);
  }
  for (const kind of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
  ]) {
    for (const [name, range] of Object.entries(packed[kind] ?? {})) {
      if (/^(workspace|link|file|portal):/.test(range))
        problems.push(`${kind} ${name} is ${range}`);
    }
  }
  return problems;
}

const rows = [];
let failed = 0;
const started = Date.now();
for (const { location, pkg } of publishable) {
  const dir = join(root, location);
  if (build) {
    execFileSync('yarn', ['backstage-cli', 'package', 'build'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const tarball = join(
    outDir,
    `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`,
  );
  rmSync(tarball, { force: true });
  execFileSync('yarn', ['pack', '--out', tarball], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const unpacked = mkdtempSync(join(tmpdir(), 'diehard-pack-'));
  try {
    execFileSync('tar', [
      'xzf',
      tarball,
      '-C',
      unpacked,
      '--strip-components=1',
    ]);
    const problems = problemsOf(location, pkg, unpacked);
    const size = statSync(tarball).size;
    rows.push({ name: pkg.name, size, files: walk(unpacked).length });
    if (problems.length) {
      failed++;
      console.error(`${pkg.name} (${location}):\n  ${problems.join('\n  ')}`);
    }
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
}

console.log(`| package | tarball | files |\n| --- | ---: | ---: |`);
for (const r of rows)
  console.log(`| ${r.name} | ${(r.size / 1024).toFixed(1)} KiB | ${r.files} |`);
console.log(
  `${rows.length} packages packed into ${relative(root, outDir) || '.'} in ${(
    (Date.now() - started) /
    1000
  ).toFixed(0)} s; ${failed} with problems`,
);
process.exit(failed ? 1 : 0);
