// Start time and CPU of diehard-posture scan (not a test; bounded by --workloads and --runs).
//   1. start: wall time of a one-file scan, the built bin (installed from the packed tarballs
//      into a temporary folder, as a user gets it) against the bin run from TypeScript source;
//   2. cpu: CPU time (user + system, whole process) of a scan of N generated workloads against
//      the CPU time of a process that only reads and parses the same files with js-yaml.
//
//   node packages/bench/posture-cli/cpu.mjs [--workloads 5000] [--runs 5] [--bin path]
//
// --bin: an installed bin to measure instead of packing and installing this checkout.
// Generated data goes to ${DIEHARD_CACHE:-$HOME/.cache/diehard}/bench.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const cli = join(root, 'plugins/ha-posture-cli');
const sourceBin = join(cli, 'bin/diehard-posture');
const oneFile = join(
  root,
  'plugins/ha-posture-common/corpus/replicas/single-replica/manifests.yaml',
);
const cache = process.env.DIEHARD_CACHE || join(homedir(), '.cache/diehard');
const { values: opts } = parseArgs({
  options: {
    workloads: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '5' },
    bin: { type: 'string' },
  },
});
const runs = Number(opts.runs);

let installDir;
let builtBin = opts.bin && resolve(opts.bin);
if (!builtBin) {
  installDir = mkdtempSync(join(tmpdir(), 'diehard-posture-bench-'));
  const r = spawnSync(
    'bash',
    [join(cli, 'scripts/install-packed.sh'), installDir],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (r.status !== 0) throw new Error('packing or installing the CLI failed');
  builtBin = r.stdout.trim();
}

/** Runs argv under node with usage.cjs preloaded: wall ms, CPU s, peak RSS MB, exit. */
function measure(args) {
  const usageFile = join(tmpdir(), `diehard-cpu-${process.pid}.json`);
  const t = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    ['--require', join(here, 'usage.cjs'), ...args],
    {
      env: { ...process.env, DIEHARD_USAGE_FILE: usageFile },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 300_000,
    },
  );
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status === null || r.status > 1)
    throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  rmSync(usageFile, { force: true });
  return { wallMs, ...usage };
}
const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Medians of each field over `runs` runs after one warm-up. */
function medians(args) {
  measure(args);
  const all = Array.from({ length: runs }, () => measure(args));
  return Object.fromEntries(
    Object.keys(all[0]).map(k => [k, median(all.map(x => x[k]))]),
  );
}

console.log(`# diehard-posture start time and CPU`);
console.log(
  `node ${
    process.version
  }, ${new Date().toISOString()}, ${runs} runs (medians)`,
);
console.log(`built bin: ${builtBin}\n`);

console.log(`## Start: a one-file scan (${oneFile.slice(root.length + 1)})\n`);
console.log('| bin | wall ms | CPU s | peak MB |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, bin] of [
  ['built (dist, installed from the tarball)', builtBin],
  ['TypeScript source (repo, transform at run time)', sourceBin],
]) {
  const m = medians([bin, 'scan', oneFile]);
  console.log(
    `| ${name} | ${m.wallMs.toFixed(0)} | ${m.cpuS.toFixed(2)} | ${
      m.maxRssMB
    } |`,
  );
}

const n = Number(opts.workloads);
const dataDir = join(cache, 'bench', `data-${n}`);
const info = generate(dataDir, n);
const bytes = info.files.reduce((s, f) => s + readFileSync(f).length, 0);
console.log(
  `\n## CPU: ${info.workloads} workloads, ${info.objects} objects, ${
    info.files.length
  } files, ${(bytes / 1e6).toFixed(1)} MB\n`,
);
const parse = medians([join(here, 'parseOnly.cjs'), ...info.files]);
const built = medians([builtBin, 'scan', dataDir, '--format', 'json']);
const source = medians([sourceBin, 'scan', dataDir, '--format', 'json']);
console.log('| process | wall s | CPU s | × parse CPU | peak MB |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, m] of [
  ['js-yaml parse only (parseOnly.cjs)', parse],
  ['diehard-posture scan --format json, built', built],
  ['diehard-posture scan --format json, TypeScript source', source],
])
  console.log(
    `| ${name} | ${(m.wallMs / 1000).toFixed(2)} | ${m.cpuS.toFixed(2)} | ${(
      m.cpuS / parse.cpuS
    ).toFixed(2)} | ${m.maxRssMB} |`,
  );
if (installDir) rmSync(installDir, { recursive: true, force: true });
