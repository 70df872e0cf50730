import { execFileSync, spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withPackageFilesSteady } from '@diehard/lab';
import { HostileInput, hostileInputs } from '../__testUtils__/hostileInputs';

/** DIEHARD_FUZZ_BIN: another checkout's bin, to see what it did with the same inputs. */
const BIN =
  process.env.DIEHARD_FUZZ_BIN ??
  resolve(__dirname, '../../bin/diehard-posture');
const SEED = Number(process.env.DIEHARD_FUZZ_SEED ?? 16);
const COUNT = Number(process.env.DIEHARD_FUZZ_INPUTS ?? 200);
/** Per input, the whole process (Node start and TypeScript transform included). */
const MAX_SECONDS = 15;
const HEAP_MB = 256;

interface Outcome {
  index: number;
  label: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  stderr: string;
}

function prepare(input: HostileInput, dir: string): string[] {
  for (const f of input.files) {
    const p = join(dir, f.name);
    if ('content' in f) writeFileSync(p, f.content);
    else if (f.special === 'dev-zero') symlinkSync('/dev/zero', p);
    else if (f.special === 'fifo') execFileSync('mkfifo', [p]);
    else if (f.special === 'dangling') symlinkSync(join(dir, 'missing'), p);
    else mkdirSync(p);
  }
  return input.stdin !== undefined ? ['-'] : ['.'];
}

function scan(input: HostileInput, index: number, root: string) {
  const dir = join(root, String(index));
  mkdirSync(dir);
  const targets = prepare(input, dir);
  return new Promise<Outcome>(done => {
    const started = Date.now();
    const env = { ...process.env };
    delete env.INIT_CWD;
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${HEAP_MB}`,
        BIN,
        'scan',
        ...targets,
        ...input.args,
      ],
      { cwd: dir, env, stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', d => {
      if (stderr.length < 20_000) stderr += d;
    });
    child.stdin.on('error', () => {}); // the CLI may stop reading a refused stdin
    child.stdin.end(input.stdin ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), MAX_SECONDS * 2000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({
        index,
        label: input.label,
        code,
        signal,
        seconds: (Date.now() - started) / 1000,
        stderr,
      });
    });
  });
}

describe(`diehard-posture scan fuzzed with ${COUNT} hostile inputs (seed ${SEED})`, () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'posture-fuzz-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('exits 0, 1 or 3, within the time and heap bounds, and never prints a stack trace', async () => {
    const inputs = hostileInputs(SEED, COUNT);
    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < inputs.length) {
        const i = next++;
        outcomes.push(await scan(inputs[i], i, root));
      }
    };
    // The bin runs from source: not while a test packs the packages it reads.
    await withPackageFilesSteady(() => Promise.all([worker(), worker()]));

    const bad = outcomes
      .filter(
        o =>
          ![0, 1, 3].includes(o.code ?? -1) ||
          o.seconds > MAX_SECONDS ||
          /\n\s+at |Error:|internal error|FATAL/.test(o.stderr),
      )
      .map(o => ({ ...o, stderr: o.stderr.slice(0, 400) }));
    expect(bad).toEqual([]);
    // Every class of hostile file is reported as unreadable input.
    for (const label of [
      'alias bomb',
      'unrendered template',
      'special file',
      'encoding',
      'oversized',
    ])
      expect(
        outcomes
          .filter(o => o.label === label && o.code !== 3)
          .map(o => o.index),
      ).toEqual([]);
  }, 1_200_000);
});
