import yaml from 'yaml';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import { createKubernetesApplyAction } from './kubernetesApply';
import {
  APPLY_KINDS,
  clusterConfig,
  uniqueName,
  useLabNamespace,
} from '../__testUtils__/labKubernetes';
import { permissionsAnswering } from '../__testUtils__/permissions';
import { TcpProxy } from '../__testUtils__/TcpProxy';
import { actionContext, outputsOf } from '../__testUtils__/actionContext';

jest.setTimeout(300_000);

const allowAll = () => permissionsAnswering(AuthorizeResult.ALLOW);

describe('diehard:kubernetes:apply against the lab control plane', () => {
  const lab = useLabNamespace();
  const mockDir = createMockDirectory();
  beforeEach(() => mockDir.clear());

  /** A task applying to the lab cluster's test namespace, with `input` besides. */
  const context = (
    input: JsonObject = {},
    extra?: Partial<ActionContext<any>>,
  ) =>
    actionContext(
      mockDir.path,
      { cluster: 'lab', namespace: lab.ns, ...input },
      extra,
    );
  /** The action on the lab cluster (opened with `options`), for an initiator allowed to apply. */
  const applyAction = (options?: Parameters<typeof clusterConfig>[1]) =>
    createKubernetesApplyAction({
      config: clusterConfig(lab.k, options),
      permissions: allowAll(),
    });
  const logText = (ctx: any) =>
    (ctx.logger.info as jest.Mock).mock.calls
      .map((c: any[]) => c[0])
      .join('\n');

  /** A small app: config, secret, account, service, a 2-replica deployment, its PDB. */
  /** The app's objects and a ConfigMap in another `namespace`. */
  const withConfigMapIn = (name: string, namespace: string) => [
    ...appBundle(name),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace } },
  ];

  function appBundle(
    name: string,
    overrides: {
      replicas?: number;
      image?: string;
      nodeSelector?: object;
      /** A ReadWriteMany claim of this class, mounted by every pod (as a generated service's attachments). */
      claimClass?: string;
    } = {},
  ) {
    const labels = { app: name };
    const claim = overrides.claimClass
      ? [
          {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            metadata: { name: `${name}-attachments` },
            spec: {
              accessModes: ['ReadWriteMany'],
              storageClassName: overrides.claimClass,
              resources: { requests: { storage: '1Gi' } },
            },
          },
        ]
      : [];
    return [
      ...claim,
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `${name}-config` },
        data: { JAVA_OPTS: '-Xmx256m' },
      },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: `${name}-db` },
        stringData: { password: 'not-logged' },
      },
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name },
        spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name },
        spec: {
          replicas: overrides.replicas ?? 2,
          progressDeadlineSeconds: 600,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              serviceAccountName: name,
              ...(overrides.nodeSelector
                ? { nodeSelector: overrides.nodeSelector }
                : {}),
              containers: [
                {
                  name: 'app',
                  image: overrides.image ?? 'team/petclinic:1.0',
                  ports: [{ containerPort: 8080 }],
                  ...(claim.length
                    ? {
                        volumeMounts: [
                          { name: 'attachments', mountPath: '/attachments' },
                        ],
                      }
                    : {}),
                },
              ],
              ...(claim.length
                ? {
                    volumes: [
                      {
                        name: 'attachments',
                        persistentVolumeClaim: {
                          claimName: `${name}-attachments`,
                        },
                      },
                    ],
                  }
                : {}),
            },
          },
        },
      },
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name },
        spec: { minAvailable: 1, selector: { matchLabels: labels } },
      },
    ];
  }

  function writeBundle(objects: object[], file = 'manifests/app.yaml') {
    lab.written.push(...objects);
    mockDir.addContent({
      [file]: objects.map(o => yaml.stringify(o)).join('---\n'),
    });
  }

  const exists = async (kind: string, apiVersion: string, name: string) =>
    !!(await lab.admin.get({
      apiVersion,
      kind,
      metadata: { name, namespace: lab.ns },
    }));

  it('applies a bundle that shows up in the cluster, and re-applying is a no-op', async () => {
    const name = uniqueName('apply');
    writeBundle(appBundle(name));
    const action = applyAction();

    const first = context({
      timeoutSeconds: 120,
    });
    await action.handler(first);
    expect(outputsOf(first).summary).toBe(
      '6 created, 0 configured, 0 unchanged',
    );
    const deployment = await lab.admin.get({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: lab.ns },
    });
    expect((deployment as any).spec.replicas).toBe(2);
    expect(
      (deployment as any).metadata.managedFields.map((m: any) => m.manager),
    ).toContain('diehard');
    expect((deployment as any).status.availableReplicas).toBe(2);
    expect(logText(first)).toMatch(
      new RegExp(
        `rollout Deployment ${lab.ns}/${name}: 2/2 updated, 2/2 available`,
      ),
    );
    expect(
      JSON.stringify((first.logger.info as jest.Mock).mock.calls),
    ).not.toContain('not-logged');

    const again = context();
    await action.handler(again);
    expect(outputsOf(again).summary).toBe(
      '0 created, 0 configured, 6 unchanged',
    );
    // Seen unchanged in the live objects: nothing sent, not even a dry run.
    expect(logText(again)).toContain(
      'server dry-run accepted 0 object(s); 6 already as their manifests say',
    );
    expect(outputsOf(again).changed).toBe(0);
    expect(
      outputsOf(again).objects.every((o: any) => o.result === 'unchanged'),
    ).toBe(true);

    // One field changes: one object configured.
    writeBundle(appBundle(name, { replicas: 3 }));
    const changed = context({
      timeoutSeconds: 120,
    });
    await action.handler(changed);
    expect(
      outputsOf(changed).objects.filter((o: any) => o.result === 'configured'),
    ).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        namespace: lab.ns,
        name,
        result: 'configured',
      },
    ]);
  });

  it("applies a Role and the RoleBinding to it in one bundle, with the portal's own token", async () => {
    // What a generated service's session membership needs. The binding's dry run
    // cannot pass before the Role exists; it must not refuse the bundle for that.
    const name = uniqueName('membership');
    writeBundle([
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name },
        rules: [
          { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
        ],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Role',
          name,
        },
        subjects: [{ kind: 'ServiceAccount', name, namespace: lab.ns }],
      },
    ]);
    const action = applyAction({
      kinds: [...APPLY_KINDS, 'Role', 'RoleBinding'],
    });
    const ctx = context({ wait: false });
    await action.handler(ctx);
    expect(outputsOf(ctx).summary).toBe('3 created, 0 configured, 0 unchanged');
    expect(
      await exists('RoleBinding', 'rbac.authorization.k8s.io/v1', name),
    ).toBe(true);
  });

  it('pins images to a pushed digest', async () => {
    const name = uniqueName('pin');
    writeBundle(appBundle(name, { replicas: 1 }));
    const pinned = `localhost:5000/team/petclinic@sha256:${'d'.repeat(64)}`;
    const action = applyAction();
    await action.handler(
      context({
        images: [{ name: 'team/petclinic', reference: pinned }],
        wait: false,
      }),
    );
    const d: any = await lab.admin.get({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: lab.ns },
    });
    expect(d.spec.template.spec.containers[0].image).toBe(pinned);
  });

  it('leaves the cluster untouched when one object of the bundle is invalid, naming it and the field', async () => {
    const name = uniqueName('invalid');
    const bundle: any[] = appBundle(name);
    bundle[3].spec.ports[0].port = 70000; // the Service
    writeBundle(bundle);
    const action = applyAction();
    await expect(action.handler(context())).rejects.toThrow(
      new RegExp(
        `server dry-run rejected 1 of 6 object\\(s\\); nothing was applied: Service ${lab.ns}/${name}: spec\\.ports\\[0\\]\\.port: .*between 1 and 65535`,
      ),
    );
    expect(await exists('ConfigMap', 'v1', `${name}-config`)).toBe(false);
    expect(await exists('Deployment', 'apps/v1', name)).toBe(false);
  });

  it("never deploys over another team's object of the same name: the fields it manages are refused, nothing is applied", async () => {
    const name = uniqueName('theirs');
    const theirs: any = appBundle(name, { replicas: 1 })[4]; // the Deployment
    theirs.metadata.namespace = lab.ns;
    lab.written.push(theirs);
    await lab.admin.apply(theirs, { fieldManager: 'other-team' });

    writeBundle(appBundle(name, { replicas: 3, image: 'team/other-app:2.0' }));
    const ctx = context();
    await expect(applyAction().handler(ctx)).rejects.toThrow(
      new RegExp(
        `nothing was applied: Deployment ${lab.ns}/${name}: \\.spec\\.replicas: conflict with "other-team".*; those fields belong to "other-team": if the objects are another team's, choose another name; if they are yours, forceConflicts: true takes the fields over$`,
      ),
    );
    const now: any = await lab.admin.get(theirs);
    expect(now.spec.replicas).toBe(1);
    expect(now.spec.template.spec.containers[0].image).toBe(
      theirs.spec.template.spec.containers[0].image,
    );
    expect(await exists('ConfigMap', 'v1', `${name}-config`)).toBe(false);
  });

  it('refuses unknown fields (a typo) instead of dropping them', async () => {
    const name = uniqueName('typo');
    const bundle: any[] = appBundle(name);
    bundle[4].spec.replicass = 3;
    writeBundle(bundle);
    const action = applyAction();
    await expect(action.handler(context())).rejects.toThrow(
      new RegExp(`Deployment ${lab.ns}/${name}: .*replicass`),
    );
    expect(await exists('ConfigMap', 'v1', `${name}-config`)).toBe(false);
  });

  it('reads the manifests as kubectl does: a mode 0644 is octal, merge keys apply', async () => {
    const name = uniqueName('yaml');
    lab.written.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
    });
    mockDir.addContent({
      'manifests/app.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: ${name}}`,
        'spec:',
        `  selector: {matchLabels: &labels {app: ${name}}}`,
        '  template:',
        '    metadata: {labels: {<<: *labels, tier: front}}',
        '    spec:',
        '      containers: [{name: app, image: team/petclinic:1.0}]',
        `      volumes: [{name: c, configMap: {name: c, defaultMode: 0644}}]`,
      ].join('\n'),
    });
    await applyAction().handler(context({ timeoutSeconds: 120 }));
    const applied: any = await lab.admin.get({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: lab.ns },
    });
    expect(applied.spec.template.metadata.labels).toEqual({
      app: name,
      tier: 'front',
    });
    expect(applied.spec.template.spec.volumes[0].configMap.defaultMode).toBe(
      0o644,
    );
  });

  it('refuses a forbidden namespace before anything is sent to the cluster', async () => {
    const [host, port] = new URL(lab.k.server).host.split(':');
    const proxy = new TcpProxy({ host, port: Number(port) });
    const proxied = `https://${await proxy.start()}`;
    try {
      const name = uniqueName('forbidden');
      writeBundle(withConfigMapIn(name, 'kube-system'));
      const action = applyAction({ url: proxied });
      await expect(action.handler(context())).rejects.toThrow(
        `refused before anything was sent to cluster "lab": ConfigMap kube-system/${name} (manifests/app.yaml): namespace "kube-system" is not allowed (allowed: ${lab.k.portal.namespaces.join(
          ', ',
        )})`,
      );
      expect(proxy.bytesFromClients).toBe(0);
    } finally {
      await proxy.stop();
    }
  });

  it('turns RBAC refusals in the dry run into a clear error and applies nothing', async () => {
    // Our allowlist lets "default" through; the cluster's RBAC does not.
    const name = uniqueName('rbac');
    writeBundle(withConfigMapIn(name, 'default'));
    const action = applyAction({
      namespaces: [...lab.k.portal.namespaces, 'default'],
    });
    const error = await action.handler(context()).then(
      () => undefined,
      e => e,
    );
    expect(error?.name).toBe('NotAllowedError');
    expect(error?.message).toMatch(
      new RegExp(`ConfigMap default/${name}: .*forbidden`),
    );
    expect(error?.message).not.toContain(lab.k.portal.token);
    expect(await exists('Deployment', 'apps/v1', name)).toBe(false);
  });

  it('fails a rollout that never becomes ready after its timeout, with the reason', async () => {
    const name = uniqueName('stuck');
    writeBundle(
      appBundle(name, {
        replicas: 1,
        nodeSelector: { 'diehard.test/no-such-node': 'true' },
      }),
    );
    const action = applyAction();
    const started = Date.now();
    const ctx = context({
      timeoutSeconds: 6,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      new RegExp(
        `rollout of Deployment ${lab.ns}/${name} not ready after 6 s \\(.*0/1 available\\): pod ${name}-.*Unschedulable`,
      ),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(6000);
    expect(logText(ctx)).toContain(`rollout Deployment ${lab.ns}/${name}: `);
  });

  it('speaks French to a French-speaking user: what it applied, the rollout, and why it is stuck', async () => {
    const name = uniqueName('fr');
    writeBundle(appBundle(name));
    const action = applyAction();
    const ctx = context({ timeoutSeconds: 120, language: 'fr' });
    await action.handler(ctx);
    const log = logText(ctx);
    expect(log).toContain(`Deployment ${lab.ns}/${name} : créé`);
    expect(log).toContain(
      `appliqué sur le cluster « lab » : 6 créés, 0 configuré, 0 inchangé`,
    );
    expect(log).toContain(
      `déploiement de Deployment ${lab.ns}/${name} : 2/2 à jour, 2/2 disponibles`,
    );
    expect(log).not.toMatch(/ created|rollout |updated/);
    // What other steps read stays as it was.
    expect(outputsOf(ctx).summary).toBe('6 created, 0 configured, 0 unchanged');

    writeBundle(
      appBundle(name, {
        replicas: 3,
        nodeSelector: { 'diehard.test/no-such-node': 'true' },
      }),
    );
    const stuck = context({ timeoutSeconds: 6, language: 'fr' });
    await expect(action.handler(stuck)).rejects.toThrow(
      new RegExp(
        `^le déploiement de Deployment ${lab.ns}/${name} n'est pas prêt après 6 s \\(\\d/3 à jour, \\d/3 disponibles?\\) : pods? ${name}-.*Unschedulable`,
      ),
    );
    expect(logText(stuck)).toContain(
      `Deployment ${lab.ns}/${name} : configuré`,
    );
  });

  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  async function waitForState<T>(
    what: string,
    probe: () => Promise<T | undefined>,
    timeoutMs: number,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline)
        throw new Error(`${what}: not after ${timeoutMs} ms`);
      await new Promise(r => setTimeout(r, 250));
    }
  }
  const WITH_CLAIMS = [...APPLY_KINDS, 'PersistentVolumeClaim'];
  const warnText = (ctx: any) =>
    (ctx.logger.warn as jest.Mock).mock.calls
      .map((c: any[]) => c[0])
      .join('\n');

  it("rolls out a service whose pods share an nfs-ha ReadWriteMany claim (the lab's stand-in provisioner binds it)", async () => {
    const name = uniqueName('nfs');
    writeBundle(appBundle(name, { claimClass: 'nfs-ha' }));
    const action = applyAction({ kinds: WITH_CLAIMS });
    const ctx = context({
      timeoutSeconds: 120,
    });
    await action.handler(ctx);
    expect(outputsOf(ctx).summary).toBe('7 created, 0 configured, 0 unchanged');
    expect(logText(ctx)).toContain(
      `rollout Deployment ${lab.ns}/${name}: 2/2 updated, 2/2 available`,
    );
    const claim: any = await lab.admin.get({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: `${name}-attachments`, namespace: lab.ns },
    });
    expect(claim.status.phase).toBe('Bound');
  });

  it("applies the nfs-volume template's static volume and its claim with the portal's token, and the claim binds to it", async () => {
    // templates/nfs-volume/skeleton/k8s/volume.yaml, with the lab's stand-in address.
    const name = uniqueName('nfsvol');
    const volume = `${lab.ns}-${name}`;
    writeBundle([
      {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: { name: volume, labels: { 'diehard.io/volume': volume } },
        spec: {
          capacity: { storage: '10Gi' },
          accessModes: ['ReadWriteMany'],
          persistentVolumeReclaimPolicy: 'Retain',
          storageClassName: 'nfs-ha',
          mountOptions: ['nfsvers=4.1', 'hard', 'timeo=600', 'retrans=3'],
          nfs: { server: lab.k.nfsHa.server, path: `/exports/${name}` },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name },
        spec: {
          accessModes: ['ReadWriteMany'],
          storageClassName: 'nfs-ha',
          volumeName: volume,
          selector: { matchLabels: { 'diehard.io/volume': volume } },
          resources: { requests: { storage: '10Gi' } },
        },
      },
    ]);
    const action = applyAction({
      kinds: [...WITH_CLAIMS, 'PersistentVolume'],
    });
    const ctx = context({ wait: false });
    await action.handler(ctx);
    expect(outputsOf(ctx).summary).toBe('2 created, 0 configured, 0 unchanged');
    const bound = await waitForState(
      `claim ${name} Bound`,
      async () => {
        const c: any = await lab.admin.get({
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name, namespace: lab.ns },
        });
        return c?.status?.phase === 'Bound' ? c : undefined;
      },
      60_000,
    );
    expect(bound.spec.volumeName).toBe(volume);
  });

  it('refuses a claim whose storage class the cluster lacks, naming the claim and the class, and applies nothing', async () => {
    // The API server's own dry run accepts such a claim: only the preflight catches it.
    const name = uniqueName('noclass');
    writeBundle(appBundle(name, { claimClass: 'no-such-class' }));
    const action = applyAction({ kinds: WITH_CLAIMS });
    const expected = new RegExp(
      `volume claim\\(s\\) could never bind; nothing was applied: PersistentVolumeClaim ${lab.ns}/${name}-attachments: storage class "no-such-class" does not exist on the cluster \\(its classes: [^)]*nfs-ha`,
    );
    await expect(action.handler(context())).rejects.toThrow(expected);
    await expect(
      action.handler(context({}, { isDryRun: true })),
    ).rejects.toThrow(expected);
    expect(
      await exists('PersistentVolumeClaim', 'v1', `${name}-attachments`),
    ).toBe(false);
    expect(await exists('ConfigMap', 'v1', `${name}-config`)).toBe(false);
    expect(await exists('Deployment', 'apps/v1', name)).toBe(false);
  });

  it('says in the task log, within seconds and once, that pods wait for a claim no volume comes for, and keeps it in the final error', async () => {
    // A class whose provisioner nobody runs: the claim stays Pending.
    const storageClass = uniqueName('diehard-test-nobody');
    await lab.admin.apply(
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: storageClass },
        provisioner: 'diehard.test/nobody',
      } as any,
      { fieldManager: 'diehard-test' },
    );
    lab.written.push({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: storageClass },
    });
    const name = uniqueName('pending');
    writeBundle(appBundle(name, { replicas: 1, claimClass: storageClass }));
    const action = applyAction({ kinds: WITH_CLAIMS });
    const abort = new AbortController();
    const claimReason = `claim ${lab.ns}/${name}-attachments is Pending: storage class "${storageClass}" (provisioner diehard.test/nobody) has not provided a volume`;
    const ctx = context({ timeoutSeconds: 120 }, { signal: abort.signal });
    let seenAfterMs = 0;
    const started = Date.now();
    (ctx.logger.warn as jest.Mock).mockImplementation((m: string) => {
      if (m.includes(claimReason) && !seenAfterMs) {
        seenAfterMs = Date.now() - started;
        // Let a few more rounds go by: the reason must not be said again.
        setTimeout(() => abort.abort(), 3000);
      }
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      new RegExp(
        `rollout of Deployment ${lab.ns}/${name} not ready .*claim ${lab.ns}/${name}-attachments is Pending`,
      ),
    );
    process.stdout.write(`claim reason logged after ${seenAfterMs} ms\n`);
    expect(seenAfterMs).toBeGreaterThan(0);
    // Long before the 120 s timeout: said while waiting, not only at the end.
    expect(seenAfterMs).toBeLessThan(60_000);
    expect(warnText(ctx)).toMatch(
      new RegExp(
        `rollout Deployment ${
          lab.ns
        }/${name}: not available: pod ${name}-[a-z0-9-]+: ${escape(
          claimReason,
        )}: ExternalProvisioning: Waiting for a volume to be created`,
      ),
    );
    expect(warnText(ctx)).toMatch(
      /Unschedulable: .*unbound immediate PersistentVolumeClaims/,
    );
    expect(warnText(ctx).split(claimReason).length - 1).toBe(1);
  });

  it("in the scaffolder's dry-run mode validates on the server and changes nothing", async () => {
    const name = uniqueName('dryrun');
    writeBundle(appBundle(name));
    const action = applyAction();
    const ctx = context({}, { isDryRun: true });
    await action.handler(ctx);
    expect(outputsOf(ctx).summary).toBe('6 created, 0 configured, 0 unchanged');
    expect(await exists('Deployment', 'apps/v1', name)).toBe(false);
  });

  it("checks the permission for the cluster with the task's credentials", async () => {
    writeBundle(appBundle(uniqueName('denied')));
    const permissions = permissionsAnswering(AuthorizeResult.DENY);
    const action = createKubernetesApplyAction({
      config: clusterConfig(lab.k),
      permissions,
    });
    const ctx = context();
    await expect(action.handler(ctx)).rejects.toThrow(
      /may not apply to cluster "lab" \(permission diehard\.kubernetes\.apply\)/,
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'diehard.kubernetes.apply',
          }),
          resourceRef: 'lab',
        },
      ],
      { credentials: await ctx.getInitiatorCredentials() },
    );
  });

  it('names the clusters open to it when an unknown one is asked for', async () => {
    const action = applyAction();
    await expect(action.handler(context({ cluster: 'prod' }))).rejects.toThrow(
      'cluster "prod" is not a cluster templates may deploy to (open to you: lab; see diehard.apply.clusters)',
    );
  });
});
