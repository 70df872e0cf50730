// Start time and CPU of diehard-posture scan (not a test; bounded by --workloads and --runs).
//   1. start: wall time of a one-file scan, the built bin (installed from the packed tarballs
//      into a temporary folder, as a user gets it) against the bin run from TypeScript source;
//   2. cpu: CPU time (user + system, whole process) of a scan of N generated workloads against
//      the CPU time of a process that only reads and parses the same files with js-yaml
//      (parseOnly.cjs, the baseline of the ratio), and of one that also keeps every parsed
//      document until the end (parsedKept.cjs, a floor for any scan that groups across files);
//   3. where that CPU goes in one process of the built bin (phases.cjs): loading, reading
//      and parsing, evaluating, the JSON output (not with --bin).
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
/**
 * Runs each argv `runs` times after one warm-up, interleaved so that the load of a shared
 * machine weighs on each alike; returns, per argv, the median and the minimum of each field.
 */
function sample(argvs) {
  for (const args of argvs) measure(args);
  const all = argvs.map(() => []);
  for (let i = 0; i < runs; i++)
    argvs.forEach((args, j) => all[j].push(measure(args)));
  return all.map(xs => ({
    median: Object.fromEntries(
      Object.keys(xs[0]).map(k => [k, median(xs.map(x => x[k]))]),
    ),
    min: Object.fromEntries(
      Object.keys(xs[0]).map(k => [k, Math.min(...xs.map(x => x[k]))]),
    ),
  }));
}

console.log(`# diehard-posture start time and CPU`);
console.log(
  `node ${
    process.version
  }, ${new Date().toISOString()}, ${runs} runs each, interleaved`,
);
console.log(`built bin: ${builtBin}\n`);
console.log('Each cell: median (minimum) over the runs.\n');
const cell = (r, k, f) => `${f(r.median[k])} (${f(r.min[k])})`;
const ms = v => v.toFixed(0);
const s2 = v => v.toFixed(2);

console.log(`## Start: a one-file scan (${oneFile.slice(root.length + 1)})\n`);
console.log('| bin | wall ms | CPU s | peak MB |');
console.log('| --- | ---: | ---: | ---: |');
const bins = [
  ['built (dist, installed from the tarball)', builtBin],
  ['TypeScript source (repo, transform at run time)', sourceBin],
];
sample(bins.map(([, bin]) => [bin, 'scan', oneFile])).forEach((r, i) =>
  console.log(
    `| ${bins[i][0]} | ${cell(r, 'wallMs', ms)} | ${cell(r, 'cpuS', s2)} | ${
      r.median.maxRssMB
    } |`,
  ),
);

const n = Number(opts.workloads);
const dataDir = join(cache, 'bench', `data-${n}`);
const info = generate(dataDir, n);
const bytes = info.files.reduce((s, f) => s + readFileSync(f).length, 0);
console.log(
  `\n## CPU: ${info.workloads} workloads, ${info.objects} objects, ${
    info.files.length
  } files, ${(bytes / 1e6).toFixed(1)} MB\n`,
);
const processes = [
  [
    'js-yaml parse only (parseOnly.cjs)',
    [join(here, 'parseOnly.cjs'), ...info.files],
  ],
  [
    'js-yaml parse, every document kept (parsedKept.cjs)',
    [join(here, 'parsedKept.cjs'), ...info.files],
  ],
  [
    'diehard-posture scan --format json, built',
    [builtBin, 'scan', dataDir, '--format', 'json'],
  ],
  [
    'diehard-posture scan --format json, TypeScript source',
    [sourceBin, 'scan', dataDir, '--format', 'json'],
  ],
];
const results = sample(processes.map(([, argv]) => argv));
const parse = results[0];
console.log('| process | wall s | CPU s | × parse CPU | peak MB |');
console.log('| --- | ---: | ---: | ---: | ---: |');
results.forEach((r, i) =>
  console.log(
    `| ${processes[i][0]} | ${cell(r, 'wallMs', v =>
      (v / 1000).toFixed(2),
    )} | ${cell(r, 'cpuS', s2)} | ${(r.median.cpuS / parse.median.cpuS).toFixed(
      2,
    )} (${(r.min.cpuS / parse.min.cpuS).toFixed(2)}) | ${r.median.maxRssMB} |`,
  ),
);
if (installDir) {
  const runsOfPhases = Array.from({ length: runs }, () => {
    const r = spawnSync(
      process.execPath,
      [join(here, 'phases.cjs'), installDir, dataDir],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (r.status !== 0) throw new Error('phases.cjs failed');
    return JSON.parse(r.stdout);
  });
  console.log(
    '\n## Where the CPU goes: one process of the built CLI (phases.cjs), median\n',
  );
  console.log('| phase | CPU s | × parse CPU |');
  console.log('| --- | ---: | ---: |');
  runsOfPhases[0].forEach(([name], i) => {
    const cpu = median(runsOfPhases.map(p => p[i][1]));
    console.log(
      `| ${name} | ${cpu.toFixed(2)} | ${(cpu / parse.median.cpuS).toFixed(2)} |`,
    );
  });
  rmSync(installDir, { recursive: true, force: true });
}
