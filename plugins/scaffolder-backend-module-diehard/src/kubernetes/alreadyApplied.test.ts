import { alreadyApplied } from './alreadyApplied';
import { sameApplyResult } from './applyBundle';
import { ManifestObject } from './bundle';
import { KubeApiError, KubeClient } from './KubeClient';
import {
  adminClient,
  uniqueName,
  useLabNamespace,
} from '../__testUtils__/labKubernetes';

jest.setTimeout(120_000);

const MANAGER = 'diehard';

/**
 * The proof is checked against the lab's real API server: for each manifest and
 * live object, the server's own dry-run apply says whether anything would change.
 * "Already applied" must never be claimed where the server would change something.
 */
describe('alreadyApplied, checked against the API server', () => {
  const lab = useLabNamespace();
  let client: KubeClient;

  beforeAll(() => {
    client = new KubeClient({
      server: lab.k.server,
      token: lab.k.portal.token,
      ca: lab.k.caPem,
    });
  });
  afterAll(() => client?.close());

  function app(name: string) {
    const labels = { app: name };
    const metadata = { name, namespace: lab.ns, labels };
    return {
      config: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata,
        data: { 'server.xml': '<Server port="-1"/>' },
      } as ManifestObject,
      secret: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata,
        stringData: { password: 'swordfish-1' },
      } as ManifestObject,
      // a name alone: the manager owns nothing, and has no managedFields entry
      account: {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name, namespace: lab.ns },
      } as ManifestObject,
      service: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata,
        // protocol left out: the server defaults that list key
        spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] },
      } as ManifestObject,
      deployment: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata,
        spec: {
          replicas: 0,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              containers: [
                {
                  name: 'app',
                  image: 'team/petclinic:1.0',
                  args: ['--port', '8080'],
                  ports: [{ containerPort: 8080 }, { containerPort: 4000 }],
                  resources: { limits: { cpu: '500m', memory: '1Gi' } },
                },
                { name: 'sidecar', image: 'team/log-shipper:2' },
              ],
            },
          },
        },
      } as ManifestObject,
    };
  }

  async function applied(o: ManifestObject): Promise<ManifestObject> {
    lab.written.push(o);
    return client.apply(o, { fieldManager: MANAGER });
  }

  /** What the server says: would applying `manifest` leave `live` as it is? */
  async function serverSaysUnchanged(
    manifest: ManifestObject,
    live: ManifestObject,
  ): Promise<boolean> {
    try {
      const after = await client.apply(manifest, {
        fieldManager: MANAGER,
        dryRun: true,
      });
      return sameApplyResult(live, after);
    } catch (e) {
      if (e instanceof KubeApiError && e.status === 409) return false; // conflict
      throw e;
    }
  }

  /**
   * The proof and the server's answer on the object as it is now. Controllers write
   * to what was just applied (a Deployment gets its revision annotation): the object
   * is read again, and the pair taken again if it moved during the dry run.
   */
  async function judge(manifest: ManifestObject) {
    for (let attempt = 0; ; attempt++) {
      const live = (await client.get(manifest))!;
      const server = await serverSaysUnchanged(manifest, live);
      const after = (await client.get(manifest))!;
      if (
        after.metadata.resourceVersion === live.metadata.resourceVersion ||
        attempt === 10
      )
        return { proof: alreadyApplied(manifest, live, MANAGER), server };
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }

  it('proves unchanged what the server leaves unchanged: a ConfigMap, a Secret by stringData, a bare ServiceAccount, a Service with a defaulted port protocol, a two-container Deployment', async () => {
    const objects = Object.values(app(uniqueName('same')));
    for (const o of objects) {
      await applied(o);
      expect({ kind: o.kind, ...(await judge(o)) }).toEqual({
        kind: o.kind,
        proof: true,
        server: true,
      });
    }
  });

  it('does not claim unchanged when the manifest changes a value, a list item, a secret, or drops a field it owned', async () => {
    const base = app(uniqueName('changed'));
    await applied(base.deployment);
    await applied(base.secret);
    await applied(base.service);
    const d = base.deployment as any;
    const container = d.spec.template.spec.containers[0];
    const withContainer = (c: object) => ({
      ...d,
      spec: {
        ...d.spec,
        template: {
          ...d.spec.template,
          spec: {
            containers: [c, d.spec.template.spec.containers[1]],
          },
        },
      },
    });
    const variants: [string, ManifestObject][] = [
      [
        'new image',
        withContainer({ ...container, image: 'team/petclinic:1.1' }),
      ],
      [
        'one port less',
        withContainer({ ...container, ports: [{ containerPort: 8080 }] }),
      ],
      [
        'args reordered (an atomic list)',
        withContainer({ ...container, args: ['8080', '--port'] }),
      ],
      [
        'containers swapped',
        {
          ...d,
          spec: {
            ...d.spec,
            template: {
              ...d.spec.template,
              spec: {
                containers: [...d.spec.template.spec.containers].reverse(),
              },
            },
          },
        },
      ],
      [
        'label dropped',
        { ...d, metadata: { name: d.metadata.name, namespace: lab.ns } },
      ],
      [
        'replicas now left to an autoscaler',
        { ...d, spec: { ...d.spec, replicas: undefined } },
      ],
      [
        'new secret value',
        { ...base.secret, stringData: { password: 'swordfish-2' } },
      ],
      [
        'port protocol now written out (ownership grows)',
        {
          ...base.service,
          spec: {
            ...(base.service as any).spec,
            ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }],
          },
        },
      ],
    ];
    for (const [what, manifest] of variants) {
      const cleaned = JSON.parse(JSON.stringify(manifest));
      expect({ what, ...(await judge(cleaned)) }).toEqual({
        what,
        proof: false,
        server: false,
      });
    }
  });

  it('does not claim unchanged when someone else changed the object since', async () => {
    const base = app(uniqueName('drift'));
    await applied(base.deployment);
    await applied(base.config);
    const admin = adminClient(lab.k);
    try {
      for (const [o, patch] of [
        [base.deployment, { spec: { replicas: 2 } }],
        [base.config, { data: { 'server.xml': '<Server port="8005"/>' } }],
      ] as const) {
        await admin.request(
          'PATCH',
          `${await admin.objectPath(o)}?fieldManager=kubectl-edit`,
          patch,
          'application/merge-patch+json',
        );
        expect({ kind: o.kind, ...(await judge(o)) }).toEqual({
          kind: o.kind,
          proof: false,
          server: false,
        });
      }
    } finally {
      admin.close();
    }
  });

  it('leaves to the server what it cannot follow: a quantity written another way, another manager', async () => {
    const base = app(uniqueName('unsure'));
    const deployment = await applied(base.deployment);
    const sameQuantity = JSON.parse(JSON.stringify(base.deployment));
    sameQuantity.spec.template.spec.containers[0].resources.limits.cpu = '0.5';
    expect(alreadyApplied(sameQuantity, deployment, MANAGER)).toBe(false);
    expect(alreadyApplied(base.deployment, deployment, 'someone-else')).toBe(
      false,
    );
    expect(alreadyApplied(base.deployment, deployment, MANAGER)).toBe(true);
  });
});
