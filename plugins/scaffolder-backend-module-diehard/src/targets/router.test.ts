import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import { moduleUsing } from '@diehard/backend-test-utils';
import scaffolderModuleDiehard from '../index';
import {
  adminClient,
  clusterConfig,
  othersIngresses,
  labKubernetes,
  LabKubernetes,
} from '../__testUtils__/labKubernetes';

jest.setTimeout(60_000);

const TOKEN = 'lab-service-account-token-do-not-show';
const CA_DATA = Buffer.from(
  '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n',
).toString('base64');

/** Two clusters open to templates, one declared but not allowlisted, one allowlisted but not declared. */
const config = {
  permission: { enabled: true },
  kubernetes: {
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          {
            name: 'lab',
            title: 'HA lab',
            url: 'https://127.0.0.1:16443',
            authProvider: 'serviceAccount',
            serviceAccountToken: TOKEN,
            caData: CA_DATA,
          },
          {
            name: 'prod',
            url: 'https://prod.example.com:6443',
            authProvider: 'serviceAccount',
            serviceAccountToken: `${TOKEN}-prod`,
            caFile: '/etc/diehard/prod-ca.pem',
          },
          {
            name: 'not-allowlisted',
            url: 'https://other.example.com',
            authProvider: 'serviceAccount',
            serviceAccountToken: TOKEN,
          },
        ],
      },
    ],
  },
  diehard: {
    apply: {
      clusters: [
        {
          name: 'lab',
          namespaces: ['diehard-apps', 'diehard-ops'],
          kinds: ['Deployment', 'Service'],
        },
        { name: 'prod', namespaces: ['apps'], kinds: ['*'] },
        { name: 'undeclared', namespaces: ['x'], kinds: ['*'] },
      ],
    },
  },
};

/** A policy where Bruno may deploy anywhere and anyone else nowhere. */
const policyModule = moduleUsing(
  'permission',
  'test-policy',
  policyExtensionPoint,
  policy =>
    policy.setPolicy({
      async handle(req, user) {
        if (
          !isResourcePermission(req.permission, 'diehard-kubernetes-cluster')
        ) {
          return { result: AuthorizeResult.ALLOW };
        }
        const who = user?.info.userEntityRef;
        if (who === 'user:default/bruno') {
          return { result: AuthorizeResult.ALLOW };
        }
        return { result: AuthorizeResult.DENY };
      },
    }),
);

/** The scaffolder with Diehard's module, the permission backend and that policy, on `config`. */
const withPolicy = (data: object) =>
  startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleDiehard,
      permissionPlugin,
      policyModule,
      mockServices.rootConfig.factory({ data }),
    ],
  });

describe('GET /api/scaffolder/diehard/targets', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    ({ server } = await withPolicy(config));
  });

  const targetsAs = (user: string) =>
    request(server)
      .get('/api/scaffolder/diehard/targets')
      .set('Authorization', mockCredentials.user.header(user));

  it('lists the clusters open to templates, with their titles and namespaces, for a user allowed everywhere', async () => {
    const res = await targetsAs('user:default/bruno');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      clusters: [
        {
          name: 'lab',
          title: 'HA lab',
          namespaces: ['diehard-apps', 'diehard-ops'],
          kinds: ['Deployment', 'Service'],
        },
        { name: 'prod', title: 'prod', namespaces: ['apps'], kinds: ['*'] },
      ],
    });
  });

  it('never shows how a cluster is reached: no token, URL, CA or auth provider', async () => {
    const res = await targetsAs('user:default/bruno');
    const text = res.text;
    for (const secret of [
      TOKEN,
      CA_DATA,
      '127.0.0.1',
      'prod.example.com',
      'prod-ca.pem',
      'serviceAccount',
      'https://',
    ]) {
      expect(text).not.toContain(secret);
    }
    for (const cluster of res.body.clusters) {
      expect(Object.keys(cluster).sort()).toEqual([
        'kinds',
        'name',
        'namespaces',
        'title',
      ]);
    }
  });

  it('shows no cluster to a user the policy denies', async () => {
    const res = await targetsAs('user:default/carol');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ clusters: [] });
  });

  it('refuses an anonymous request', async () => {
    const res = await request(server)
      .get('/api/scaffolder/diehard/targets')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });
});

/**
 * Per-cluster decisions come from a conditional policy (IS_CLUSTER), which the permission
 * backend resolves by calling the scaffolder's apply-conditions endpoint on behalf of the
 * user; Backstage's mock auth cannot issue such a token (the round trip itself is tested
 * in permissions/permissionRules.test.ts). Here the permissions service answers per cluster as
 * that policy would, and the route must ask about each cluster by name.
 */
describe('GET /api/scaffolder/diehard/targets, a user allowed some clusters', () => {
  it('lists only the clusters the user may apply to', async () => {
    const authorize = jest.fn(async (requests: any[]) =>
      requests.map(r => ({
        result:
          r.permission.name === 'diehard.kubernetes.apply' &&
          r.resourceRef === 'lab'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })),
    );
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleDiehard,
        mockServices.permissions.mock({ authorize: authorize as any }).factory,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    const res = await request(server)
      .get('/api/scaffolder/diehard/targets')
      .set('Authorization', mockCredentials.user.header('user:default/alice'));
    expect(res.status).toBe(200);
    expect(res.body.clusters.map((c: { title: string }) => c.title)).toEqual([
      'HA lab',
    ]);
    const asked = authorize.mock.calls.flatMap(([requests]) =>
      requests.map((r: any) => r.resourceRef),
    );
    expect(asked).toEqual(expect.arrayContaining(['lab', 'prod']));
  });
});

describe('GET /api/scaffolder/diehard/targets/:cluster/…, on the lab control plane', () => {
  let k: LabKubernetes;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  /** The lab as the portal reaches it; `token` replaces the portal's. */
  const labConfig = (token?: string) => {
    const data = clusterConfig(k).get() as any;
    data.permission = { enabled: true };
    if (token)
      data.kubernetes.clusterLocatorMethods[0].clusters[0].serviceAccountToken =
        token;
    return data;
  };

  beforeAll(async () => {
    k = await labKubernetes();
    ({ server } = await withPolicy(labConfig()));
  });

  const classesAs = (user: string, cluster = 'lab', on = server) =>
    request(on)
      .get(`/api/scaffolder/diehard/targets/${cluster}/storage-classes`)
      .set('Authorization', mockCredentials.user.header(user));

  it("lists the cluster's storage classes, the highly available and the node-local ones marked, and nothing of how it is reached", async () => {
    const res = await classesAs('user:default/bruno');
    expect(res.status).toBe(200);
    expect(res.body.storageClasses).toEqual(
      expect.arrayContaining([
        {
          name: 'nfs-ha',
          isDefault: false,
          highlyAvailable: true,
          nodeLocal: false,
        },
        {
          name: 'local-ssd',
          isDefault: false,
          highlyAvailable: false,
          nodeLocal: true,
        },
      ]),
    );
    const names = res.body.storageClasses.map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort());
    expect(res.text).not.toContain(k.portal.token);
    expect(res.text).not.toContain(k.server);
  });

  it('refuses a user the policy does not let deploy there, and a cluster not open to templates', async () => {
    const denied = await classesAs('user:default/carol');
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      'you may not deploy to cluster "lab" (permission diehard.kubernetes.apply)',
    );
    const unknown = await classesAs('user:default/bruno', 'prod');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'no cluster "prod" is open to templates',
    );
    const anonymous = await request(server)
      .get('/api/scaffolder/diehard/targets/lab/storage-classes')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
  });

  it("says the cluster did not list them when it refuses the portal's token, without the token or the cluster's address", async () => {
    const refused = await withPolicy(labConfig('expired-token-1234'));
    const res = await classesAs('user:default/bruno', 'lab', refused.server);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toBe(
      'cluster "lab" did not list its storage classes (HTTP 401)',
    );
    expect(res.text).not.toContain('expired-token-1234');
    expect(res.text).not.toContain(k.server);
    await refused.stop();
  });

  it('says whether another Ingress serves a host, naming it only in the namespace asked about, its own Ingress not in the way', async () => {
    const admin = adminClient(k);
    const { other, taken, elsewhere, objects } = othersIngresses();
    const hostAs = (user: string, query: Record<string, string>) =>
      request(server)
        .get('/api/scaffolder/diehard/targets/lab/ingress-host')
        .query(query)
        .set('Authorization', mockCredentials.user.header(user));
    const ask = async (host: string, ingress = 'mine') => {
      const res = await hostAs('user:default/bruno', {
        host,
        namespace: 'diehard-apps',
        ingress,
      });
      expect(res.status).toBe(200);
      return res.body;
    };
    try {
      for (const o of objects) await admin.apply(o, { fieldManager: 'test' });
      expect(
        await Promise.all([
          ask(taken),
          ask(`${other}-free.apps.example.org`),
          ask(taken, other),
          ask(elsewhere),
        ]),
      ).toEqual([
        { taken: true, ingress: `diehard-apps/${other}` },
        { taken: false },
        { taken: false },
        { taken: true },
      ]);
      const denied = await hostAs('user:default/carol', {
        host: taken,
        namespace: 'diehard-apps',
        ingress: 'mine',
      });
      expect(denied.status).toBe(403);
    } finally {
      for (const o of objects) await admin.delete(o).catch(() => {});
      admin.close();
    }
  });

  it.each([
    [
      'a host that is no DNS name',
      { host: 'a b/../c', namespace: 'diehard-apps', ingress: 'mine' },
      'host',
    ],
    [
      'no namespace',
      { host: 'shop.apps.example.org', ingress: 'mine' },
      'namespace',
    ],
    [
      'two hosts',
      {
        host: ['a.example.org', 'b.example.org'],
        namespace: 'diehard-apps',
        ingress: 'mine',
      },
      'host',
    ],
  ])('answers 400 to %s, naming the parameter', async (_d, query, name) => {
    const res = await request(server)
      .get('/api/scaffolder/diehard/targets/lab/ingress-host')
      .query(query)
      .set('Authorization', mockCredentials.user.header('user:default/bruno'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      `expected ?host=<DNS name>&namespace=<name>&ingress=<name>: ${name} invalid`,
    );
  });
});
