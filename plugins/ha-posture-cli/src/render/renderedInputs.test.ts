import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureHelm, ensureKustomize } from '@diehard/lab';
import { EXIT, runCli } from '../scan';

// Cold: helm and kustomize may have to be built from the Go module proxy first.
jest.setTimeout(900_000);

const FIXTURES = resolve(__dirname, '../../../ha-posture-render-node/fixtures');

let helm: string;
let kustomize: string;
beforeAll(async () => {
  helm = (await ensureHelm({ report: () => {} })).path;
  kustomize = (await ensureKustomize({ report: () => {} })).path;
});

function scan(...argv: string[]) {
  let out = '';
  let err = '';
  const code = runCli(
    // The tools first: a --helm in argv comes later and wins.
    [
      'scan',
      '--format',
      'json',
      '--helm',
      helm,
      '--kustomize',
      kustomize,
      ...argv,
    ],
    {
      stdout: t => (out += t),
      stderr: t => (err += t),
      readStdin: () => '',
      cwd: FIXTURES,
      env: {},
    },
  );
  const report = code === EXIT.usage ? undefined : JSON.parse(out);
  const orders = report?.workloads.find(
    (w: any) => w.kind === 'Deployment' && w.name === 'orders',
  );
  return {
    code,
    err,
    report,
    orders,
    rules: (orders?.findings ?? []).map((f: any) => f.rule),
  };
}

describe('diehard-posture scan of a Helm chart', () => {
  it('renders it with its values: one replica is a single point of failure', () => {
    const r = scan('chart');
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect(r.orders.namespace).toBe('shop');
    expect(r.rules).toContain('replicas-single');
    // The chart's helm test pod is not a workload of the service.
    expect(r.report.workloads.map((w: any) => `${w.kind}/${w.name}`)).toEqual([
      'Deployment/orders',
    ]);
  });

  it('grades A with --set replicaCount=3, and with a values file', () => {
    const set = scan('chart', '--set', 'replicaCount=3');
    expect(set.err).toBe('');
    expect(set.orders.grade).toBe('A');
    expect(set.rules).toEqual([]);
    const values = scan('chart', '--values', 'chart/values-ha.yaml');
    expect(values.err).toBe('');
    expect(values.orders.grade).toBe('A');
  });

  it('names a chart whose template does not parse, with helm’s message, and exits 3', () => {
    const r = scan('broken-chart', 'chart');
    expect(r.code).toBe(EXIT.input);
    expect(r.err).toBe(
      'diehard-posture: broken-chart: helm template failed: parse error at (broken/templates/deployment.yaml:6): function "nosuchfunction" not defined; Use --debug flag to render out invalid YAML\n',
    );
    // What rendered is still reported.
    expect(r.rules).toContain('replicas-single');
  });

  it('says which tool is missing and how to name it, without a stack trace', () => {
    const r = scan('chart', '--helm', join(FIXTURES, 'no-such-helm'));
    expect(r.code).toBe(EXIT.input);
    expect(r.err).toBe(
      `diehard-posture: chart: is a Helm chart, but helm was not found at ${join(
        FIXTURES,
        'no-such-helm',
      )}: install helm 3 on PATH or name it with --helm PATH\n`,
    );
  });

  it('refuses a --set that is not KEY=VALUE as a usage error', () => {
    expect(scan('chart', '--set', 'replicaCount').code).toBe(EXIT.usage);
  });
});

describe('diehard-posture scan of a Kustomize overlay', () => {
  it('renders the overlay, not its base alone: three replicas', () => {
    const r = scan('kustomize');
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect(r.report.workloads).toHaveLength(1);
    expect(r.orders.grade).toBe('A');
  });

  it('grades the base alone as the single replica it is', () => {
    const r = scan('kustomize/base');
    expect(r.err).toBe('');
    expect(r.rules).toContain('replicas-single');
  });

  it('refuses a remote base instead of fetching it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'posture-remote-base-'));
    try {
      writeFileSync(
        join(dir, 'kustomization.yaml'),
        'resources:\n  - https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.8.2\n',
      );
      const r = scan(dir);
      expect(r.code).toBe(EXIT.input);
      expect(r.err).toMatch(
        /kustomization\.yaml: refers to the remote resource "https:\/\/github\.com\/.*": only the repository's own files are rendered \(nothing is fetched\)/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
