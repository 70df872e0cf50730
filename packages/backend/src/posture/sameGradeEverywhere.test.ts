import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ensureHelm,
  ensureKustomize,
  withPackageFilesSteady,
} from '@diehard/lab';
import haPosturePlugin from '@diehard/plugin-ha-posture-backend';
import { createPostureGateAction } from '@diehard/plugin-scaffolder-backend-module-diehard';
import { renderOnLab } from '../templates/__testUtils__/labConfig';
import { writeFiles } from '../templates/__testUtils__/scaffolderDryRun';
import { tomcatHaServiceValues } from '../templates/__testUtils__/tomcatHaServiceValues';

// Cold: the lab's Kubernetes may have to start for the template's dry run.
jest.setTimeout(600_000);

const root = path.resolve(__dirname, '../../../..');

/** Tomcat's per-host context file putting back its StandardManager: sessions stay in one pod. */
const STANDARD_MANAGER_CONTEXT =
  '<Context>\n  <Manager className="org.apache.catalina.session.StandardManager"/>\n</Context>\n';

const work = fs.realpathSync(
  fs.mkdtempSync(path.join(os.tmpdir(), 'posture-readers-')),
);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A git work tree under `work` holding `files`. */
function repository(name: string, files: Map<string, string>): string {
  const repo = path.join(work, name);
  writeFiles(repo, files);
  fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
  return repo;
}

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

/** The pinned helm and kustomize, on the PATH every reader is given (CLI, gate, portal alike). */
let toolsPath = process.env.PATH;
beforeAll(async () => {
  const helm = await ensureHelm({ report: () => {} });
  const kustomize = await ensureKustomize({ report: () => {} });
  toolsPath = [path.dirname(helm.path), path.dirname(kustomize.path)]
    .concat(process.env.PATH ?? '')
    .join(path.delimiter);
});

async function throughCli(repo: string): Promise<Graded> {
  // The bin runs from source: not while a test packs the packages it reads.
  const { stdout } = await withPackageFilesSteady(() =>
    promisify(execFile)(
      process.execPath,
      [
        path.join(root, 'plugins/ha-posture-cli/bin/diehard-posture'),
        'scan',
        '.',
        '--format',
        'json',
      ],
      {
        cwd: repo,
        env: { ...process.env, INIT_CWD: repo, PATH: toolsPath },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    ),
  );
  return graded(JSON.parse(stdout).workloads);
}

/** The gate reports in its task log: a line per workload, then one per finding. */
async function throughGate(repo: string, service: string): Promise<Graded> {
  const lines: string[] = [];
  const logger = mockServices.logger.mock();
  (logger.info as jest.Mock).mockImplementation((m: string) => lines.push(m));
  await createPostureGateAction().handler({
    input: { manifests: '.', minimumGrade: 'F', service },
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

async function throughPortal(repo: string, service: string): Promise<Graded> {
  const catalogFile = `file:${path.join(repo, 'catalog-info.yaml')}`;
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: service,
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
      `http://127.0.0.1:${port}/api/ha-posture/entities/component/default/${service}/refresh`,
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

/** Asserts that the three readers agree on `repo`, and answers what they said. */
async function sameEverywhere(repo: string, service: string): Promise<Graded> {
  const cli = await throughCli(repo);
  // The gate and the portal find helm and kustomize on the backend's PATH.
  const saved = process.env.PATH;
  process.env.PATH = toolsPath;
  try {
    expect(await throughGate(repo, service)).toEqual(cli);
    expect(await throughPortal(repo, service)).toEqual(cli);
  } finally {
    process.env.PATH = saved;
  }
  return cli;
}

/** The files under `dir`, by their path under `prefix`. */
function filesUnder(dir: string, prefix: string): Array<[string, string]> {
  return fs.readdirSync(dir).flatMap(name => {
    const full = path.join(dir, name);
    return fs.statSync(full).isDirectory()
      ? filesUnder(full, `${prefix}/${name}`)
      : [
          [`${prefix}/${name}`, fs.readFileSync(full, 'utf8')] as [
            string,
            string,
          ],
        ];
  });
}

const renderFixtures = path.join(
  root,
  'plugins/ha-posture-render-node/fixtures',
);

const sessionFindings = (g: Graded, workload: string) =>
  (g[workload]?.findings ?? []).filter(f => / sessions-/.test(f));

describe('one repository, one grade: the CLI, the gate and the portal', () => {
  it('a replicating Tomcat service whose conf/Catalina/localhost/ROOT.xml keeps sessions in one pod', async () => {
    const corpus = path.join(
      root,
      'plugins/ha-posture-common/corpus/service/eni-todo-ha',
    );
    // Its manifests under k8s/, as a repository would hold them.
    const files = new Map<string, string>([
      ['catalog-info.yaml', 'kind: Component\nmetadata:\n  name: todo-web\n'],
      ['tomcat/conf/Catalina/localhost/ROOT.xml', STANDARD_MANAGER_CONTEXT],
      ['pom.xml', '<project><modelVersion>4.0.0</modelVersion></project>\n'],
    ]);
    for (const f of fs.readdirSync(corpus).filter(n => /^\d.*\.yaml$/.test(n)))
      files.set(`k8s/${f}`, fs.readFileSync(path.join(corpus, f), 'utf8'));
    const result = await sameEverywhere(
      repository('corpus', files),
      'todo-web',
    );
    // The per-host context file counts: sessions are not kept across pods.
    expect(sessionFindings(result, 'Deployment eni-todo/todo-web')).not.toEqual(
      [],
    );
  });

  it('a generated tomcat-ha-service project, as is and with a per-host context file', async () => {
    const { scaffolder, rendered } = await renderOnLab(
      'tomcat-ha-service',
      tomcatHaServiceValues('same-grade'),
    );
    await scaffolder.stop();
    const asIs = await sameEverywhere(
      repository('generated', rendered.files),
      'same-grade',
    );
    const [workload] = Object.keys(asIs);
    expect(workload).toMatch(/^Deployment .+\/same-grade$/);
    expect(asIs[workload].grade).toBe('A');
    expect(sessionFindings(asIs, workload)).toEqual([]);

    const withHostContext = await sameEverywhere(
      repository(
        'generated-host-context',
        new Map([
          ...rendered.files,
          ['tomcat/conf/Catalina/localhost/ROOT.xml', STANDARD_MANAGER_CONTEXT],
        ]),
      ),
      'same-grade',
    );
    expect(sessionFindings(withHostContext, workload)).not.toEqual([]);
  });

  it('a Helm chart: rendered with its values by each, one replica everywhere', async () => {
    const result = await sameEverywhere(
      repository(
        'chart',
        new Map([
          ['catalog-info.yaml', 'kind: Component\nmetadata:\n  name: orders\n'],
          ...filesUnder(path.join(renderFixtures, 'chart'), 'k8s/orders'),
        ]),
      ),
      'orders',
    );
    expect(Object.keys(result)).toEqual(['Deployment shop/orders']);
    expect(result['Deployment shop/orders'].findings).toContain(
      'critical replicas-single',
    );
  });

  it('a Kustomize overlay over its base: three replicas, grade A everywhere', async () => {
    const result = await sameEverywhere(
      repository(
        'overlay',
        new Map([
          ['catalog-info.yaml', 'kind: Component\nmetadata:\n  name: orders\n'],
          ...filesUnder(path.join(renderFixtures, 'kustomize'), 'k8s'),
        ]),
      ),
      'orders',
    );
    expect(result).toEqual({
      'Deployment shop/orders': { grade: 'A', findings: [] },
    });
  });
});
