import {
  AppsV1Api,
  AutoscalingV2Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import request from 'supertest';
import { EntityPosture } from '@diehard/plugin-ha-posture-common';
import { labClusterLocators, useLab } from '@diehard/lab';
import {
  PostureBackend,
  serviceComponent,
  startPostureBackend,
} from './__testUtils__/postureBackend';
import { corpusStack, volumesFor } from './__testUtils__/labStacks';

jest.setTimeout(300_000);

const component = (name: string, namespace: string) =>
  serviceComponent(name, {
    'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name=todo-web',
    'backstage.io/kubernetes-namespace': namespace,
  });

// Fresh namespaces per run: a namespace being deleted cannot be reused at once.
const run = Math.random().toString(36).slice(2, 7);
const HA = `posture-ha-${run}`;
const FRAGILE = `posture-fragile-${run}`;

describe('HA posture live from the lab cluster', () => {
  let admin: KubeConfig;
  let backend: PostureBackend;

  beforeAll(async () => {
    const lab = await useLab(['kubernetes']);
    admin = new KubeConfig();
    admin.loadFromFile(lab.kubernetes.adminKubeconfig);
    const objects = KubernetesObjectApi.makeApiClient(admin);
    const manifests = [
      ...corpusStack('eni-todo-ha', HA),
      ...corpusStack('eni-todo-fragile', FRAGILE),
    ];
    await provisionVolumes(admin, manifests);
    for (const object of manifests) {
      // The lab provides its own nfs-ha StorageClass (a stand-in); a class's
      // provisioner and parameters cannot be changed, so the corpus's is not applied.
      if (object.kind === 'StorageClass' && (await exists(objects, object))) {
        continue;
      }
      await objects.patch(
        object,
        undefined,
        undefined,
        'diehard-test',
        true,
        PatchStrategy.ServerSideApply,
      );
    }
    await waitForRunningPods(admin, HA, 'app.kubernetes.io/name=todo-web', 3);
    await waitForRunningPods(admin, HA, 'app=galera', 3);

    backend = await startPostureBackend({
      entities: [component('todo-ha', HA), component('todo-fragile', FRAGILE)],
      clusterLocatorMethods: labClusterLocators(lab.kubernetes),
    });
  });

  afterAll(async () => {
    await backend?.stop();
    if (admin) {
      const core = admin.makeApiClient(CoreV1Api);
      for (const name of [HA, FRAGILE]) {
        await core.deleteNamespace({ name }).catch(() => undefined);
      }
      const volumes = await core.listPersistentVolume();
      for (const pv of volumes.items) {
        const name = pv.metadata?.name ?? '';
        if (name.startsWith(`${HA}-`) || name.startsWith(`${FRAGILE}-`)) {
          await core.deletePersistentVolume({ name });
        }
      }
    }
  });

  const refresh = async (name: string): Promise<EntityPosture> => {
    const res = await request(backend.server).post(
      `/api/ha-posture/entities/component/default/${name}/refresh`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };

  it('reads the running stacks from the cluster and tells the HA one from the fragile one', async () => {
    const ha = await refresh('todo-ha');
    expect(ha.source).toEqual({ type: 'live', clusters: ['lab'] });
    const web = ha.placement.find(p => p.name === 'todo-web')!;
    expect(web.pods).toHaveLength(3);
    expect(new Set(web.pods.map(p => p.node)).size).toBe(3);
    const haSerious = ha.report.workloads.flatMap(w =>
      w.findings
        .filter(f => f.severity !== 'info')
        .map(f => `${f.rule}: ${f.message}`),
    );
    expect(haSerious).toEqual([]);
    expect(ha.grade).toBe('A');

    const fragile = await refresh('todo-fragile');
    expect(fragile.source.type).toBe('live');
    expect(fragile.grade).toMatch(/[DF]/);
    expect(fragile.singlePointsOfFailure.length).toBeGreaterThan(0);
  });

  it('sees the HA Deployment scaled to 1 at the next refresh, and keeps both in its history', async () => {
    const before = await refresh('todo-ha');
    // Someone "temporarily" downsizes the service: no autoscaler, one replica.
    await admin
      .makeApiClient(AutoscalingV2Api)
      .deleteNamespacedHorizontalPodAutoscaler({
        name: 'todo-web',
        namespace: HA,
      });
    await admin.makeApiClient(AppsV1Api).patchNamespacedDeploymentScale({
      name: 'todo-web',
      namespace: HA,
      body: [{ op: 'replace', path: '/spec/replicas', value: 1 }],
    });
    await waitForRunningPods(admin, HA, 'app.kubernetes.io/name=todo-web', 1);

    const after = await refresh('todo-ha');
    const categories = after.report.workloads
      .filter(w => w.name === 'todo-web')
      .flatMap(w => w.findings.map(f => f.category));
    expect(categories).toContain('replicas');
    expect(before.grade).toBe('A');
    expect(after.grade).toMatch(/[DF]/);

    const history = await request(backend.server).get(
      '/api/ha-posture/entities/component/default/todo-ha/history',
    );
    expect(history.body.points.map((p: any) => p.grade)).toEqual([
      before.grade,
      after.grade,
    ]);
  });
});

async function exists(objects: KubernetesObjectApi, object: KubernetesObject) {
  try {
    await objects.read(object as any);
    return true;
  } catch {
    return false;
  }
}

/** Creates the stack's pre-provisioned volumes (see {@link volumesFor}). */
async function provisionVolumes(
  kubeConfig: KubeConfig,
  objects: KubernetesObject[],
) {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  for (const body of volumesFor(objects)) {
    await core.createPersistentVolume({ body });
  }
}

async function waitForRunningPods(
  kubeConfig: KubeConfig,
  namespace: string,
  labelSelector: string,
  count: number,
) {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const deadline = Date.now() + 180_000;
  let states: string[] = [];
  while (Date.now() < deadline) {
    const pods = await core.listNamespacedPod({ namespace, labelSelector });
    const current = pods.items.filter(p => !p.metadata?.deletionTimestamp);
    const ready = current.filter(
      p =>
        p.status?.phase === 'Running' &&
        p.status.conditions?.some(
          c => c.type === 'Ready' && c.status === 'True',
        ),
    );
    if (current.length === count && ready.length === count) return;
    states = pods.items.map(
      p =>
        `${p.metadata?.name}: ${p.status?.phase}${
          p.metadata?.deletionTimestamp ? ' (terminating)' : ''
        }`,
    );
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(
    `${namespace}: expected ${count} running, ready pods (${labelSelector}); pods: ${
      states.join(', ') || 'none'
    }`,
  );
}
