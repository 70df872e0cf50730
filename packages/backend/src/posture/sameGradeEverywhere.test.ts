import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import haPosturePlugin from '@diehard/plugin-ha-posture-backend';
import { createPostureGateAction } from '@diehard/plugin-scaffolder-backend-module-diehard';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../../../..');
const corpus = path.join(
  root,
  'plugins/ha-posture-common/corpus/service/eni-todo-ha',
);

/**
 * One repository of a replicating Tomcat service (the corpus' eni-todo-ha manifests under
 * k8s/), whose per-host context file, conf/Catalina/localhost/ROOT.xml, puts back Tomcat's
 * StandardManager: sessions stay in one pod. The CLI, the scaffolder's gate and the
 * portal's manifests source must all read that file.
 */
const repo = fs.realpathSync(
  fs.mkdtempSync(path.join(os.tmpdir(), 'posture-readers-')),
);

function write(rel: string, content: string) {
  fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  fs.writeFileSync(path.join(repo, rel), content);
}

beforeAll(() => {
  fs.mkdirSync(path.join(repo, '.git'));
  write('catalog-info.yaml', 'kind: Component\nmetadata:\n  name: todo-web\n');
  for (const f of fs.readdirSync(corpus).filter(n => /^\d.*\.yaml$/.test(n)))
    write(`k8s/${f}`, fs.readFileSync(path.join(corpus, f), 'utf8'));
  write(
    'tomcat/conf/Catalina/localhost/ROOT.xml',
    '<Context>\n  <Manager className="org.apache.catalina.session.StandardManager"/>\n</Context>\n',
  );
  write('pom.xml', '<project><modelVersion>4.0.0</modelVersion></project>\n');
});
afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

/** Per workload: its grade and its findings (severity and rule), sorted. */
type Graded = Record<string, { grade: string; findings: string[] }>;

function graded(
  workloads: Array<{
    kind: string;
    namespace: string;
    name: string;
    grade: string;
    findings: Array<{ severity: string; rule: string }>;
  }>,
): Graded {
  const out: Graded = {};
  for (const w of workloads)
    out[`${w.kind} ${w.namespace}/${w.name}`] = {
      grade: w.grade,
      findings: w.findings.map(f => `${f.severity} ${f.rule}`).sort(),
    };
  return out;
}

function throughCli(): Graded {
  const out = execFileSync(
    process.execPath,
    [
      path.join(root, 'plugins/ha-posture-cli/bin/diehard-posture'),
      'scan',
      '.',
      '--format',
      'json',
    ],
    { cwd: repo, env: { ...process.env, INIT_CWD: repo }, encoding: 'utf8' },
  );
  return graded(JSON.parse(out).workloads);
}

/** The gate reports in its task log: a line per workload, then one per finding. */
async function throughGate(): Promise<Graded> {
  const lines: string[] = [];
  const logger = mockServices.logger.mock();
  (logger.info as jest.Mock).mockImplementation((m: string) => lines.push(m));
  await createPostureGateAction().handler({
    input: { manifests: '.', minimumGrade: 'F', service: 'todo-web' },
    workspacePath: repo,
    logger,
    output: () => {},
    createTemporaryDirectory: async () => repo,
    checkpoint: async (opts: any) => opts.fn(),
    getInitiatorCredentials: async () => ({}),
    task: { id: 'task' },
  } as any);
  const workloads: Parameters<typeof graded>[0] = [];
  for (const line of lines) {
    const w = /^([A-F]) \(\d+\) (\S+) ([^/\s]+)\/([^,\s]+), service/.exec(line);
    if (w) {
      workloads.push({
        grade: w[1],
        kind: w[2],
        namespace: w[3],
        name: w[4],
        findings: [],
      });
      continue;
    }
    const f = /^ {4}(\w+) \[[^/\]]+\/([^\]]+)\]/.exec(line);
    if (f)
      workloads[workloads.length - 1].findings.push({
        severity: f[1].toLowerCase(),
        rule: f[2],
      });
  }
  return graded(workloads);
}

async function throughPortal(): Promise<Graded> {
  const catalogFile = `file:${path.join(repo, 'catalog-info.yaml')}`;
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'todo-web',
      annotations: {
        'backstage.io/managed-by-location': catalogFile,
        'backstage.io/managed-by-origin-location': catalogFile,
        'diehard.io/manifests-path': '.',
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:dev' },
  };
  const backend = await startTestBackend({
    features: [
      haPosturePlugin,
      catalogServiceMock.factory({ entities: [entity] }),
      mockServices.rootConfig.factory({
        data: {
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [{ type: 'config', clusters: [] }],
          },
        },
      }),
    ],
  });
  try {
    const { port } = backend.server.address() as AddressInfo;
    const res = await fetch(
      `http://127.0.0.1:${port}/api/ha-posture/entities/component/default/todo-web/refresh`,
      { method: 'POST' },
    );
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.source).toEqual({ type: 'manifests', location: '.' });
    return graded(body.report.workloads);
  } finally {
    await backend.stop();
  }
}

it('gives one repository the same grade and findings in the CLI, the gate and the portal', async () => {
  const cli = throughCli();
  // The per-host context file counts: sessions are not kept across pods.
  expect(cli['Deployment eni-todo/todo-web'].findings).toEqual(
    expect.arrayContaining([expect.stringMatching(/ sessions-/)]),
  );
  expect(await throughGate()).toEqual(cli);
  expect(await throughPortal()).toEqual(cli);
});
