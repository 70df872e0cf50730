import crypto from 'node:crypto';
import { mockServices } from '@backstage/backend-test-utils';
import { useLab } from '@diehard/lab';
import {
  evaluatePosture,
  readPostureFiles,
} from '@diehard/plugin-ha-posture-common';
import {
  applyBundle,
  KubeClient,
  ManifestObject,
} from '@diehard/plugin-scaffolder-backend-module-diehard';
import { DIEHARD_CHART, renderChart } from './__testUtils__/renderChart';
import {
  buildDiehardImage,
  DiehardImage,
} from './__testUtils__/image/buildDiehardImage';

/**
 * Diehard's chart applied to the lab as a template's deploy step does it: rendered with the
 * pinned helm, server-side applied with the portal's ServiceAccount into its namespace,
 * with Diehard's own image (built by `buildDiehardImage`, cached, pushed to the lab's
 * registry) pinned by digest. KWOK's fake nodes stand in for a kubelet: they pull and run
 * no containers, the pods are Running on nodes the scheduler chose (ownImage.test.ts runs
 * the image itself).
 */
jest.setTimeout(15 * 60_000);

const REPLICAS = 3;
const release = `diehard-${crypto.randomBytes(3).toString('hex')}`;
const secretName = `${release}-secrets`;
const dbSecretName = `${release}-pg`;

let lab: Awaited<ReturnType<typeof useLab<'kubernetes'>>>['kubernetes'];
let admin: KubeClient;
let image: DiehardImage;
let applied: ManifestObject[] = [];

const namespace = () => lab.portal.namespaces[0];
const random = () => crypto.randomBytes(24).toString('base64url');

function secret(name: string, data: Record<string, string>): ManifestObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace: namespace() },
    type: 'Opaque',
    stringData: data,
  };
}

/** Polls until `done` holds, or fails with what was last seen. */
async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  describe: (value: T) => string,
  timeoutMs = 5 * 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}; last seen: ${describe(value)}`,
      );
    await new Promise(r => setTimeout(r, 1000));
  }
}

beforeAll(async () => {
  const labs = await useLab(['kubernetes', 'registry']);
  lab = labs.kubernetes;
  image = await buildDiehardImage({ registry: labs.registry });
  admin = new KubeClient({
    server: lab.server,
    token: lab.adminToken,
    ca: lab.caPem,
  });
  const manifests = await renderChart(DIEHARD_CHART, {
    release,
    namespace: namespace(),
    values: {
      replicas: REPLICAS,
      image: { registry: labs.registry.host, digest: image.digest },
      existingSecret: secretName,
      postgresql: { auth: { existingSecret: dbSecretName } },
      ingress: { host: `${release}.apps.example.org` },
    },
  });
  const read = readPostureFiles([{ path: 'chart.yaml', content: manifests }]);
  if (read.errors.length > 0)
    throw new Error(
      `the rendered chart does not parse: ${read.errors
        .map(e => `${e.file}:${e.line}: ${e.message}`)
        .join('; ')}`,
    );
  applied = [
    secret(secretName, {
      BACKEND_SECRET: random(),
      AUTH_SESSION_SECRET: random(),
    }),
    secret(dbSecretName, { username: 'diehard', password: random() }),
    ...read.objects.map(o => o.object as ManifestObject),
  ];
  await applyBundle({
    client: new KubeClient({
      server: lab.server,
      token: lab.portal.token,
      ca: lab.caPem,
    }),
    objects: applied.map(object => ({ object, source: 'deploy/diehard' })),
    fieldManager: 'diehard-own-chart-test',
    logger: mockServices.logger.mock(),
  });
});

afterAll(async () => {
  for (const o of applied.reverse()) await admin?.delete(o).catch(() => {});
});

it("runs its replicas of Diehard's own image on distinct nodes in every zone, and its engine grades the live portal A", async () => {
  const selector = `app.kubernetes.io/instance=${release}`;
  const pods = await waitFor(
    `${REPLICAS} Running pods of ${release}`,
    () => admin.list('v1', 'Pod', namespace(), selector),
    ps =>
      ps.filter(p => p.status?.phase === 'Running' && p.spec?.nodeName)
        .length === REPLICAS && ps.length === REPLICAS,
    ps =>
      ps
        .map(
          p =>
            `${p.metadata.name}: ${p.status?.phase} on ${
              p.spec?.nodeName ?? '-'
            }`,
        )
        .join(', ') || 'no pod',
  );
  const nodes = await admin.list('v1', 'Node', '');
  const zoneOf = new Map(
    nodes.map(n => [
      n.metadata.name,
      n.metadata.labels?.['topology.kubernetes.io/zone'],
    ]),
  );
  expect(
    pods.map(p => p.spec.containers.map((c: { image: string }) => c.image)),
  ).toEqual(pods.map(() => [image.reference]));
  const onNodes = pods.map(p => p.spec.nodeName);
  expect(new Set(onNodes).size).toBe(REPLICAS);
  expect(new Set(onNodes.map(n => zoneOf.get(n))).size).toBe(
    Math.min(REPLICAS, lab.zones.length),
  );

  const live = await Promise.all(
    applied.filter(o => o.kind !== 'Secret').map(o => admin.get(o)),
  );
  expect(live.filter(o => !o)).toEqual([]);
  const report = evaluatePosture({ objects: [...live, ...pods, ...nodes] });
  expect(
    report.workloads.map(w => ({
      workload: `${w.kind} ${w.name}`,
      grade: w.grade,
      findings: w.findings
        .filter(f => f.severity !== 'info')
        .map(f => `${f.severity} ${f.rule}`),
    })),
  ).toEqual([{ workload: `Deployment ${release}`, grade: 'A', findings: [] }]);
});
