import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, runCli } from './scan';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: eni/web:1.0.0
`;

const ALIAS_BOMB = [
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: bomb}',
  'spec:',
  '  selector:',
  '    a: &a ["x","x","x","x","x","x","x","x","x","x"]',
  ...'bcdefgh'
    .split('')
    .map(
      (l, i) =>
        `    ${l}: &${l} [${Array(10).fill(`*${'abcdefg'[i]}`).join(',')}]`,
    ),
].join('\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'posture-hostile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function scan(args: string[], stdin: string | Uint8Array = '') {
  let out = '';
  let err = '';
  const started = Date.now();
  const code = runCli(['scan', ...args, '--format', 'json'], {
    stdout: t => (out += t),
    stderr: t => (err += t),
    readStdin: () => stdin,
    cwd: dir,
  });
  return { code, out, err, ms: Date.now() - started };
}

const names = (out: string) =>
  JSON.parse(out).workloads.map((w: { name: string }) => w.name);

describe('diehard-posture scan on hostile input', () => {
  it('refuses a 400-byte YAML alias bomb as unreadable, with a small output, and reports the rest', () => {
    expect(ALIAS_BOMB.length).toBeLessThan(600);
    writeFileSync(join(dir, 'bomb.yaml'), ALIAS_BOMB);
    writeFileSync(join(dir, 'web.yaml'), DEPLOYMENT);
    const { code, out, err, ms } = scan(['.']);
    expect(code).toBe(EXIT.input);
    expect(err).toContain('bomb.yaml:1: too many YAML aliases');
    expect(out.length).toBeLessThan(20_000);
    expect(names(out)).toEqual(['web']);
    expect(ms).toBeLessThan(5000);
  });

  it('names an unrendered Helm template, its line, and says to render it, instead of crashing', () => {
    writeFileSync(
      join(dir, 'deployment.yaml'),
      [
        DEPLOYMENT.replace(
          'metadata: {name: web}',
          'metadata:\n  name: web\n  namespace: {{ .Release.Namespace }}',
        ),
        DEPLOYMENT.replace(/web/g, 'api').replace(
          'metadata: {name: api}',
          'metadata:\n  name: api\n  namespace: {{ .Release.Namespace }}',
        ),
      ].join('---\n'),
    );
    const { code, out, err } = scan(['deployment.yaml']);
    expect(code).toBe(EXIT.input);
    expect(err).toMatch(
      /^diehard-posture: deployment\.yaml:5: looks like an unrendered template .*helm template/m,
    );
    expect(err).not.toMatch(/TypeError|\n\s+at /);
    expect(names(out)).toEqual([]);
  });

  it('reads only regular files: a *.yaml symlink to /dev/zero and a FIFO are named, not read', () => {
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
    writeFileSync(join(dir, 'web.yaml'), DEPLOYMENT);
    const { code, out, err, ms } = scan(['.', 'fifo.yaml']);
    expect(code).toBe(EXIT.input);
    expect(err).toContain(
      'zero.yaml: a character device: only regular files are read',
    );
    expect(err).toContain('fifo.yaml: a FIFO: only regular files are read');
    expect(names(out)).toEqual(['web']);
    expect(ms).toBeLessThan(5000);
  });

  it('refuses a file over --max-file-size, and files beyond --max-total-size, naming the limit', () => {
    writeFileSync(join(dir, 'a.yaml'), DEPLOYMENT);
    writeFileSync(
      join(dir, 'b.yaml'),
      `${DEPLOYMENT.replace(/web/g, 'big')}# ${'x'.repeat(2000)}\n`,
    );
    writeFileSync(join(dir, 'c.yaml'), DEPLOYMENT.replace(/web/g, 'api'));
    const perFile = scan(['.', '--max-file-size', '1k']);
    expect(perFile.code).toBe(EXIT.input);
    expect(perFile.err).toBe(
      'diehard-posture: b.yaml: larger than the 1 KiB limit per file (--max-file-size)\n',
    );
    expect(names(perFile.out)).toEqual(['api', 'web']);

    const total = scan([
      'a.yaml',
      'c.yaml',
      'b.yaml',
      '--max-total-size',
      '400',
    ]);
    expect(total.code).toBe(EXIT.input);
    expect(total.err).toContain(
      'c.yaml: not read: the inputs together exceed the 400 B limit (--max-total-size)',
    );
    expect(total.err).toContain('b.yaml: not read');
    expect(names(total.out)).toEqual(['web']);
  });

  it('names binary, NUL and UTF-16 files as unreadable instead of reading them as empty', () => {
    writeFileSync(
      join(dir, 'binary.yaml'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xc3, 0x28]),
    );
    writeFileSync(join(dir, 'nul.yaml'), `${DEPLOYMENT}\u0000`);
    writeFileSync(
      join(dir, 'utf16.yaml'),
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(DEPLOYMENT, 'utf16le'),
      ]),
    );
    writeFileSync(
      join(dir, 'utf16-nobom.yaml'),
      Buffer.from(DEPLOYMENT, 'utf16le'),
    );
    writeFileSync(join(dir, 'bom.yaml'), `\ufeff${DEPLOYMENT}`);
    const { code, out, err } = scan(['.']);
    expect(code).toBe(EXIT.input);
    const lines = err.trim().split('\n');
    expect(lines).toEqual([
      'diehard-posture: binary.yaml: not UTF-8 text (a binary file?)',
      expect.stringMatching(
        /^diehard-posture: nul\.yaml: not UTF-8 text: it contains NUL bytes/,
      ),
      expect.stringMatching(
        /^diehard-posture: utf16-nobom\.yaml: not UTF-8 text: it contains NUL bytes/,
      ),
      'diehard-posture: utf16.yaml: UTF-16 text, not UTF-8: convert it first (e.g. iconv -f UTF-16 -t UTF-8)',
    ]);
    // A UTF-8 byte order mark is fine.
    expect(names(out)).toEqual(['web']);
  });

  it('reads stdin with the --max-file-size bound (the bin refuses beyond it: see the fuzz test)', () => {
    let asked = 0;
    let err = '';
    const code = runCli(['scan', '-', '--max-file-size', '2k'], {
      stdout: () => {},
      stderr: t => (err += t),
      readStdin: maxBytes => {
        asked = maxBytes;
        return DEPLOYMENT;
      },
    });
    expect(asked).toBe(2048);
    expect(code).toBe(EXIT.ok);
    expect(err).toBe('');
  });

  it('answers a bad size with a usage error', () => {
    const { code, err } = scan(['x.yaml', '--max-total-size', 'lots']);
    expect(code).toBe(EXIT.usage);
    expect(err).toContain("--max-total-size 'lots' is not a size");
  });
});
