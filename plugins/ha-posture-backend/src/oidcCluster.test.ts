import {
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import request from 'supertest';
import { OidcLab, startOidcLab } from '@diehard/lab';
import {
  ClusterPosture,
  EntityPosture,
} from '@diehard/plugin-ha-posture-common';
import { capturingLogger } from '@diehard/backend-test-utils';
import {
  PostureBackend,
  serviceComponent,
  startPostureBackend,
} from './__testUtils__/postureBackend';

// A private lab (own state dir, ports shifted by 4000) whose API server trusts its
// OpenID Provider from the start, as in the cluster directory's oidc test: run alone.
jest.setTimeout(15 * 60_000);
const OFFSET = 4000;
const NAMESPACE = 'oidc-posture';
const HEADER = 'Backstage-Kubernetes-Authorization-oidc-lab';

const entity = serviceComponent('oidc-web', {
  'backstage.io/kubernetes-id': 'oidc-web',
  'backstage.io/kubernetes-namespace': NAMESPACE,
});

/** Bruno may read everything (RBAC); Alice is bound to nothing. */
const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'oidc-posture-reader' },
    rules: [
      { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
    ],
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'oidc-posture-bruno' },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'oidc-posture-reader',
    },
    subjects: [
      {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'User',
        name: 'bruno@example.com',
      },
    ],
  },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'oidc-web',
      namespace: NAMESPACE,
      labels: { 'backstage.io/kubernetes-id': 'oidc-web' },
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'oidc-web' } },
      template: {
        metadata: {
          labels: { app: 'oidc-web', 'backstage.io/kubernetes-id': 'oidc-web' },
        },
        spec: { containers: [{ name: 'web', image: 'tomcat:10' }] },
      },
    },
  },
];

describe('live posture of an oidc cluster, read as the signed-in user', () => {
  let lab: OidcLab;
  let backend: PostureBackend;
  const logs = capturingLogger();
  const tokenOf = (email: string) => lab.idTokenOf(email);
  const refresh = (token?: string) => {
    const call = request(backend.server).post(
      '/api/ha-posture/entities/component/default/oidc-web/refresh',
    );
    return token ? call.set(HEADER, token) : call;
  };

  beforeAll(async () => {
    lab = await startOidcLab(OFFSET);
    const admin = new KubeConfig();
    admin.loadFromFile(lab.kubernetes.adminKubeconfig);
    const api = KubernetesObjectApi.makeApiClient(admin);
    for (const object of objects) {
      await api.patch(
        object as any,
        undefined,
        undefined,
        'diehard-test',
        true,
        PatchStrategy.ServerSideApply,
      );
    }
    backend = await startPostureBackend({
      entities: [entity],
      clusterLocatorMethods: lab.clusterLocators,
      features: [logs.factory],
    });
    // Until Bruno is known: the API server fetches the provider's keys on its own schedule.
    await lab.untilTrusted(async () => {
      const res = await refresh(await tokenOf('bruno@example.com'));
      if (res.body?.source?.type !== 'live')
        throw new Error(
          `Bruno never read the cluster: ${JSON.stringify(res.body)}`,
        );
    });
  }, 15 * 60_000);

  afterAll(async () => {
    await backend?.stop();
    await lab?.stop();
  }, 120_000);

  it('names the clusters that need a user token and their provider, without URLs', async () => {
    const res = await request(backend.server).get(
      '/api/ha-posture/cluster-auth',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      clusters: [
        {
          name: 'lab',
          authProvider: 'oidc',
          needsUserToken: true,
          oidcTokenProvider: 'lab',
        },
      ],
    });
  });

  it("reads Bruno's workloads with his token, and leaves his token out of the logs", async () => {
    const token = await tokenOf('bruno@example.com');
    const res = await refresh(token);
    expect(res.status).toBe(200);
    const posture = res.body as EntityPosture;
    expect(posture.source).toEqual({ type: 'live', clusters: ['lab'] });
    expect(posture.report.workloads.map(w => w.name)).toContain('oidc-web');
    expect(JSON.stringify(logs.lines)).not.toContain(token);

    // What Bruno's rights show is his answer alone: another reader of the entity still
    // gets the backend's own view, which cannot read this cluster.
    const stored = await request(backend.server).get(
      '/api/ha-posture/entities/component/default/oidc-web',
    );
    expect(stored.status).toBe(200);
    expect(stored.body.source.type).toBe('none');
    expect(JSON.stringify(stored.body)).not.toContain('"live"');
  });

  it('gives Alice, whom RBAC refuses, a 403 reason rather than an error', async () => {
    const token = await tokenOf('alice@example.com');
    const res = await refresh(token);
    expect(res.status).toBe(200);
    const posture = res.body as EntityPosture;
    expect(posture.grade).toBeNull();
    expect(posture.source.type).toBe('none');
    expect((posture.source as { reason: string }).reason).toContain(
      'cluster "lab" did not answer the read: HTTP 403',
    );
    expect(
      (posture.source as { reasonMessages: unknown[] }).reasonMessages,
    ).toContainEqual({
      id: 'source.cluster.noAnswer',
      params: { cluster: 'lab', failure: 'HTTP 403' },
    });
    expect(JSON.stringify(res.body)).not.toContain(token);

    const clusters = await request(backend.server)
      .get('/api/ha-posture/clusters')
      .set(HEADER, token);
    expect(clusters.status).toBe(200);
    const [labCluster] = clusters.body.clusters as ClusterPosture[];
    expect(labCluster.findings.map(f => f.evidence)).toContain('API: HTTP 403');
  });

  it("without the user's token says the cluster needs it, for an entity and for the Clusters tab", async () => {
    const res = await refresh();
    expect(res.status).toBe(200);
    const needsToken = {
      id: 'source.cluster.needsUserToken',
      params: { cluster: 'lab', authProvider: 'oidc' },
    };
    expect((res.body as EntityPosture).source).toEqual({
      type: 'none',
      reason: expect.stringContaining(
        'cluster "lab" uses oidc: it is read with the signed-in user\'s own token, which a scheduled refresh does not have; press Refresh, signed in, to read it as you',
      ),
      reasonMessages: expect.arrayContaining([needsToken]),
    });

    const clusters = await request(backend.server).get(
      '/api/ha-posture/clusters',
    );
    expect(clusters.body.clusters).toEqual([]);
    expect(clusters.body.notEvaluated).toEqual([
      {
        cluster: 'lab',
        reason: expect.stringContaining("the signed-in user's own token"),
        reasonMessage: needsToken,
      },
    ]);

    const asBruno = await request(backend.server)
      .get('/api/ha-posture/clusters')
      .set(HEADER, await tokenOf('bruno@example.com'));
    expect(asBruno.body.notEvaluated).toEqual([]);
    const [labCluster] = asBruno.body.clusters as ClusterPosture[];
    expect(labCluster.cluster).toBe('lab');
    expect(labCluster.facts.nodes).toBeGreaterThan(0);
  });
});
