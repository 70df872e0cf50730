import {
  AppsV1Api,
  CoordinationV1Api,
  CoreV1Api,
  RbacAuthorizationV1Api,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
  V1Deployment,
} from '@kubernetes/client-node';
import type { KubernetesEndpoint } from '.';
import { useLab } from '../../useLab';
import { waitFor } from '../../util/wait';
import { portalKubeConfig } from './__testUtils__/portalKubeConfig';

// A cold start may first build the binaries (many minutes); a warm one takes seconds.
jest.setTimeout(120_000);

function spreadDeployment(name: string, namespace: string): V1Deployment {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: {
      replicas: 3,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'DoNotSchedule',
              labelSelector: { matchLabels: labels },
            },
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'DoNotSchedule',
              labelSelector: { matchLabels: labels },
            },
          ],
          containers: [
            {
              name: 'app',
              image: '127.0.0.1:15000/demo/checkout:1.0',
              ports: [{ containerPort: 8080 }],
            },
          ],
        },
      },
    },
  };
}

describe('kubernetes', () => {
  let k8s: KubernetesEndpoint;
  let admin: KubeConfig;
  let portal: KubeConfig;
  const name = `lab-spread-${process.pid}`;

  beforeAll(async () => {
    ({ kubernetes: k8s } = await useLab(['kubernetes']));
    admin = new KubeConfig();
    admin.loadFromFile(k8s.adminKubeconfig);
    portal = portalKubeConfig(k8s);
  }, 45 * 60_000);

  afterAll(async () => {
    const apps = admin?.makeApiClient(AppsV1Api);
    await apps
      ?.deleteNamespacedDeployment({ name, namespace: 'diehard-apps' })
      .catch(() => {});
  });

  it('has at least 6 Ready nodes in 3 zones, labelled with zone and hostname', async () => {
    const nodes = (
      await admin
        .makeApiClient(CoreV1Api)
        .listNode({ labelSelector: 'diehard.dev/lab=true' })
    ).items;

    expect(nodes.length).toBeGreaterThanOrEqual(6);
    expect(k8s.nodes).toBe(nodes.length);
    const zones = new Set(
      nodes.map(n => n.metadata?.labels?.['topology.kubernetes.io/zone']),
    );
    expect([...zones].sort()).toEqual([
      'lab-zone-a',
      'lab-zone-b',
      'lab-zone-c',
    ]);
    for (const n of nodes) {
      expect(n.metadata?.labels?.['kubernetes.io/hostname']).toBe(
        n.metadata?.name,
      );
      expect(n.status?.conditions?.find(c => c.type === 'Ready')?.status).toBe(
        'True',
      );
    }
  });

  it('keeps every node heartbeating through its lease, so nodes (and their pods) stay Ready past the grace period', async () => {
    const coordination = admin.makeApiClient(CoordinationV1Api);
    const renewals = async () =>
      new Map(
        (
          await coordination.listNamespacedLease({
            namespace: 'kube-node-lease',
          })
        ).items.map(l => [l.metadata?.name, String(l.spec?.renewTime)]),
      );
    const before = await renewals();
    expect(before.size).toBe(k8s.nodes);
    await waitFor(
      'every node lease renewed',
      async () => {
        const now = await renewals();
        return (
          [...before].every(([node, t]) => now.get(node) !== t) || undefined
        );
      },
      { timeoutMs: 60_000 },
    );
  });

  it('runs a zone-spread 3-replica Deployment (server-side applied by the portal) as 3 Running pods on 3 nodes', async () => {
    const objects = KubernetesObjectApi.makeApiClient(portal);
    await objects.patch(
      spreadDeployment(name, 'diehard-apps'),
      undefined,
      undefined,
      'diehard-lab-test',
      true,
      PatchStrategy.ServerSideApply,
    );

    const core = admin.makeApiClient(CoreV1Api);
    const pods = await waitFor(
      '3 Running pods',
      async () => {
        const list = (
          await core.listNamespacedPod({
            namespace: 'diehard-apps',
            labelSelector: `app=${name}`,
          })
        ).items;
        const running = list.filter(
          p => p.status?.phase === 'Running' && p.status.podIP,
        );
        return running.length === 3 ? running : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const nodes = (
      await core.listNode({ labelSelector: 'diehard.dev/lab=true' })
    ).items;
    const zoneOf = (node?: string) =>
      nodes.find(n => n.metadata?.name === node)?.metadata?.labels?.[
        'topology.kubernetes.io/zone'
      ];
    expect(new Set(pods.map(p => p.spec?.nodeName)).size).toBe(3);
    expect(new Set(pods.map(p => zoneOf(p.spec?.nodeName))).size).toBe(3);
    for (const p of pods) expect(p.status?.podIP).toMatch(/^127\.1\.\d+\.\d+$/);

    const rs = (
      await admin.makeApiClient(AppsV1Api).listNamespacedReplicaSet({
        namespace: 'diehard-apps',
        labelSelector: `app=${name}`,
      })
    ).items;
    expect(rs).toHaveLength(1);
    expect(rs[0].metadata?.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name,
    });
    const deployment = await waitFor(
      'the Deployment to report 3 available',
      async () => {
        const d = await admin
          .makeApiClient(AppsV1Api)
          .readNamespacedDeployment({ name, namespace: 'diehard-apps' });
        return d.status?.availableReplicas === 3 ? d : undefined;
      },
      { timeoutMs: 30_000 },
    );
    expect(
      deployment.metadata?.managedFields?.some(
        f => f.manager === 'diehard-lab-test' && f.operation === 'Apply',
      ),
    ).toBe(true);
  });

  it('validates a server dry-run without persisting it', async () => {
    const objects = KubernetesObjectApi.makeApiClient(admin);
    const dry = spreadDeployment(`${name}-dry`, 'diehard-apps');

    const answer = await objects.patch(
      dry,
      undefined,
      'All',
      'diehard-lab-test',
      true,
      PatchStrategy.ServerSideApply,
    );
    expect(answer.metadata?.uid).toBeTruthy();
    await expect(
      objects.read(
        dry as KubernetesObject & {
          metadata: { name: string; namespace: string };
        },
      ),
    ).rejects.toMatchObject({ code: 404 });
    const invalid = spreadDeployment(`${name}-bad`, 'diehard-apps');
    invalid.spec!.replicas = -1;
    await expect(
      objects.patch(
        invalid,
        undefined,
        'All',
        'diehard-lab-test',
        true,
        PatchStrategy.ServerSideApply,
      ),
    ).rejects.toMatchObject({ code: 422 });
  });

  it('lets the portal token read everywhere but apply only in its namespaces', async () => {
    expect(k8s.portal.namespaces).toContain('diehard-apps');
    expect(k8s.portal.namespaces).not.toContain('default');
    const core = portal.makeApiClient(CoreV1Api);
    await expect(
      core.listNamespacedPod({ namespace: 'kube-system' }),
    ).resolves.toHaveProperty('items');
    await expect(
      core.listNamespacedSecret({ namespace: 'default' }),
    ).resolves.toHaveProperty('items');

    const objects = KubernetesObjectApi.makeApiClient(portal);
    const outside = spreadDeployment(`${name}-outside`, 'default');
    await expect(
      objects.patch(
        outside,
        undefined,
        undefined,
        'diehard-lab-test',
        true,
        PatchStrategy.ServerSideApply,
      ),
    ).rejects.toMatchObject({ code: 403 });
    await expect(
      core.deleteNode({ name: 'lab-node-001' }),
    ).rejects.toMatchObject({ code: 403 });
    await expect(
      core.createNamespace({ body: { metadata: { name: `${name}-ns` } } }),
    ).rejects.toMatchObject({ code: 403 });
  });

  it('lets the portal give a service the pod-reading Role its membership needs, and no more', async () => {
    const rbac = portal.makeApiClient(RbacAuthorizationV1Api);
    const namespace = 'diehard-apps';
    const role = `${name}-membership`;
    await rbac.createNamespacedRole({
      namespace,
      body: {
        metadata: { name: role },
        rules: [
          { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
        ],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name: role },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Role',
          name: role,
        },
        subjects: [{ kind: 'ServiceAccount', name: 'default', namespace }],
      },
    });
    // Kubernetes refuses a Role granting what the portal itself may not do.
    await expect(
      rbac.createNamespacedRole({
        namespace,
        body: {
          metadata: { name: `${name}-escalation` },
          rules: [{ apiGroups: [''], resources: ['nodes'], verbs: ['delete'] }],
        },
      }),
    ).rejects.toMatchObject({ code: 403 });
    await rbac.deleteNamespacedRoleBinding({ name: role, namespace });
    await rbac.deleteNamespacedRole({ name: role, namespace });
  });
});
