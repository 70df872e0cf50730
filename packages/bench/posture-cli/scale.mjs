// How diehard-posture scan scales with one file's size, and what hostile input costs it.
// Not a test. Bounded: every run has a wall-clock limit (--timeout, default 300 s) and a heap
// limit (--max-old-space-size, default 4096 MB); a run that hits one is reported as such.
// Generated files go to ${DIEHARD_CACHE:-$HOME/.cache/diehard}/bench-scale (about 70 MB).
//
// Usage: node packages/bench/posture-cli/scale.mjs [--bin path/to/bin/diehard-posture] [--timeout S] [--heap MB]
//        [--mb 50] [--skip-large]
// --bin runs another checkout's CLI (for before/after figures).
import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    bin: {
      type: 'string',
      default: join(
        here,
        '../../../plugins/ha-posture-cli/bin/diehard-posture',
      ),
    },
    timeout: { type: 'string', default: '300' },
    heap: { type: 'string', default: '4096' },
    mb: { type: 'string', default: '50' },
    'skip-large': { type: 'boolean', default: false },
  },
});
const bin = resolve(values.bin);
const cache = process.env.DIEHARD_CACHE || join(homedir(), '.cache/diehard');
const out = join(cache, 'bench-scale');
mkdirSync(out, { recursive: true });

/** One file holding `workloads` workloads (and their Services, PDBs, ConfigMaps…). */
function oneFile(workloads) {
  const dir = join(out, `w${workloads}`);
  const file = join(dir, 'team-000.yaml');
  try {
    statSync(file);
  } catch {
    generate(dir, workloads, workloads + 1);
  }
  const text = readFileSync(file, 'utf8');
  return {
    file,
    documents: text.split(/^---$/m).length,
    mb: statSync(file).size / 1e6,
  };
}

/** Nested aliases: 10^7 strings once expanded, in a Service selector so the output prints them. */
function aliasBomb() {
  const lines = [
    'apiVersion: v1',
    'kind: Service',
    'metadata: {name: bomb}',
    'spec:',
    '  selector:',
    '    a: &a ["x","x","x","x","x","x","x","x","x","x"]',
  ];
  const l = 'abcdefgh';
  for (let i = 1; i < 7; i++)
    lines.push(
      `    ${l[i]}: &${l[i]} [${Array(10)
        .fill(`*${l[i - 1]}`)
        .join(',')}]`,
    );
  const file = join(out, 'alias-bomb.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, bytes: statSync(file).size };
}

function run(file) {
  const usageFile = join(tmpdir(), `diehard-usage-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const outFile = join(tmpdir(), `diehard-out-${process.pid}.json`);
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${values.heap}`,
      '--require',
      join(here, 'usage.cjs'),
      bin,
      'scan',
      file,
      '--format',
      'json',
    ],
    {
      env: { ...process.env, DIEHARD_USAGE_FILE: usageFile },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 2 * 1024 ** 3,
      timeout: Number(values.timeout) * 1000,
      killSignal: 'SIGKILL',
    },
  );
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  let usage = {};
  try {
    usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  } catch {
    // Killed: no usage written.
  }
  rmSync(outFile, { force: true });
  const stderr = r.stderr?.toString() ?? '';
  return {
    exit: r.signal
      ? `killed (${r.signal}${
          r.signal === 'SIGKILL' ? `, over ${values.timeout} s` : ''
        })`
      : r.status,
    wallS: +wallS.toFixed(2),
    cpuS: usage.cpuS !== undefined ? +usage.cpuS.toFixed(2) : undefined,
    maxRssMB: usage.maxRssMB,
    outputMB: +((r.stdout?.length ?? 0) / 1e6).toFixed(2),
    stderr: (stderr.split('\n').find(l => l.trim()) ?? '')
      .replace(/^.*?\.yaml(:\d+)?: /, '')
      .slice(0, 60),
  };
}

const rows = [];
const bomb = aliasBomb();
rows.push({ input: `alias bomb (${bomb.bytes} B)`, ...run(bomb.file) });
const small = oneFile(2000);
const sizes = [1000, 2000, 4000];
if (!values['skip-large']) {
  const target = Number(values.mb);
  sizes.push(Math.ceil((2000 * target) / small.mb));
}
for (const w of sizes) {
  const f = oneFile(w);
  rows.push({
    input: `${w} workloads, ${f.documents} documents, ${f.mb.toFixed(1)} MB`,
    ...run(f.file),
  });
}
console.log(`bin: ${bin}`);
console.table(rows);
