import crypto from 'node:crypto';
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  StorageV1Api,
  V1Deployment,
  V1PersistentVolumeClaim,
} from '@kubernetes/client-node';
import type { KubernetesEndpoint } from '.';
import { labStatus } from '../../lab';
import { useLab } from '../../useLab';
import { waitFor } from '../../util/wait';
import { portalKubeConfig } from './__testUtils__/portalKubeConfig';

// A cold start may first build the binaries (many minutes); a warm one takes seconds.
jest.setTimeout(180_000);

const namespace = 'diehard-apps';

/** What templates/tomcat-ha-service/skeleton/k8s/pvc.yaml makes. */
const claim = (name: string): V1PersistentVolumeClaim => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace, labels: { app: name } },
  spec: {
    accessModes: ['ReadWriteMany'],
    storageClassName: 'nfs-ha',
    resources: { requests: { storage: '5Gi' } },
  },
});

const deployment = (name: string, claimName: string): V1Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace, labels: { app: name } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: {
        containers: [
          {
            name: 'app',
            image: '127.0.0.1:15000/demo/checkout:1.0',
            volumeMounts: [{ name: 'attachments', mountPath: '/attachments' }],
          },
        ],
        volumes: [
          { name: 'attachments', persistentVolumeClaim: { claimName } },
        ],
      },
    },
  },
});

/** The ProvisioningFailed event the stand-in writes on `claimName`, once it is there. */
const provisioningFailed = (core: CoreV1Api, claimName: string) =>
  waitFor(
    'a ProvisioningFailed event on the claim',
    async () =>
      (
        await core.listNamespacedEvent({
          namespace,
          fieldSelector: `involvedObject.kind=PersistentVolumeClaim,involvedObject.name=${claimName}`,
        })
      ).items.find(e => e.reason === 'ProvisioningFailed'),
    { timeoutMs: 60_000, intervalMs: 250 },
  );

describe('the nfs-ha and local-ssd StorageClasses (a stand-in provisioner: no NFS, no disks here)', () => {
  let k8s: KubernetesEndpoint;
  let admin: KubeConfig;
  let core: CoreV1Api;
  const name = `lab-nfs-${crypto.randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    ({ kubernetes: k8s } = await useLab(['kubernetes']));
    admin = new KubeConfig();
    admin.loadFromFile(k8s.adminKubeconfig);
    core = admin.makeApiClient(CoreV1Api);
  }, 45 * 60_000);

  afterAll(async () => {
    await admin
      ?.makeApiClient(AppsV1Api)
      .deleteNamespacedDeployment({ name, namespace })
      .catch(() => {});
    for (const c of [name, `${name}-static`])
      await core
        ?.deleteNamespacedPersistentVolumeClaim({ name: c, namespace })
        .catch(() => {});
    await core
      ?.deletePersistentVolume({ name: `${namespace}-${name}-static` })
      .catch(() => {});
  });

  it('is offered, named as a stand-in, with the provisioner the lab runs', async () => {
    const sc = await admin
      .makeApiClient(StorageV1Api)
      .readStorageClass({ name: 'nfs-ha' });
    expect(sc.provisioner).toBe('diehard.io/nfs-ha-stand-in');
    expect(sc.metadata?.annotations?.['diehard.io/stand-in']).toMatch(
      /STAND-IN/,
    );
    expect(k8s.nfsHa).toEqual({
      storageClass: 'nfs-ha',
      provisioner: 'diehard.io/nfs-ha-stand-in',
      server: '192.0.2.10',
    });
    const local = await admin
      .makeApiClient(StorageV1Api)
      .readStorageClass({ name: 'local-ssd' });
    // local-path-provisioner's own name: the posture engine knows it as node-local.
    expect(local.provisioner).toBe('rancher.io/local-path');
    expect(local.volumeBindingMode).toBe('WaitForFirstConsumer');
    expect(local.metadata?.annotations?.['diehard.io/stand-in']).toMatch(
      /STAND-IN/,
    );
    const kubernetes = (await labStatus()).find(s => s.name === 'kubernetes');
    expect(
      kubernetes?.processes.find(p => p.name === 'storage-stand-in')?.alive,
    ).toBe(true);
  });

  it('binds a ReadWriteMany claim applied by the portal to a new nfs volume, runs a Deployment mounting it, and deletes the volume with the claim', async () => {
    const objects = KubernetesObjectApi.makeApiClient(portalKubeConfig(k8s));
    const apply = (o: any) =>
      objects.patch(
        o,
        undefined,
        undefined,
        'diehard-lab-test',
        true,
        PatchStrategy.ServerSideApply,
      );
    const started = Date.now();
    await apply(claim(name));
    const bound = await waitFor(
      `claim ${name} Bound`,
      async () => {
        const c = await core.readNamespacedPersistentVolumeClaim({
          name,
          namespace,
        });
        return c.status?.phase === 'Bound' ? c : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    process.stdout.write(`nfs-ha claim bound in ${Date.now() - started} ms\n`);
    expect(bound.status?.accessModes).toEqual(['ReadWriteMany']);
    const pv = await core.readPersistentVolume({
      name: bound.spec!.volumeName!,
    });
    expect(pv.spec?.nfs).toEqual({
      server: '192.0.2.10',
      path: `/exports/${namespace}-${name}`,
    });
    expect(pv.spec?.claimRef?.uid).toBe(bound.metadata?.uid);
    expect(pv.spec?.capacity?.storage).toBe('5Gi');
    expect(pv.spec?.persistentVolumeReclaimPolicy).toBe('Delete');
    expect(pv.metadata?.annotations?.['pv.kubernetes.io/provisioned-by']).toBe(
      'diehard.io/nfs-ha-stand-in',
    );

    await apply(deployment(name, name));
    const pods = await waitFor(
      '3 Running pods mounting the claim',
      async () => {
        const running = (
          await core.listNamespacedPod({
            namespace,
            labelSelector: `app=${name}`,
          })
        ).items.filter(p => p.status?.phase === 'Running' && p.spec?.nodeName);
        return running.length === 3 ? running : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    for (const p of pods) expect(p.spec?.nodeName).toMatch(/^lab-node-\d+$/);

    await admin
      .makeApiClient(AppsV1Api)
      .deleteNamespacedDeployment({ name, namespace });
    await core.deleteNamespacedPersistentVolumeClaim({ name, namespace });
    await waitFor(
      `volume ${pv.metadata!.name} deleted with its claim`,
      async () =>
        core.readPersistentVolume({ name: pv.metadata!.name! }).then(
          () => undefined,
          e => (e.code === 404 ? true : undefined),
        ),
      { timeoutMs: 90_000, intervalMs: 250 },
    );
  });

  it("binds the nfs-volume template's static volume and claim (volumeName + selector) as the portal applies them, without provisioning another", async () => {
    // What templates/nfs-volume/skeleton/k8s/volume.yaml makes (with the lab's stand-in address).
    const volume = `${namespace}-${name}-static`;
    const objects = KubernetesObjectApi.makeApiClient(portalKubeConfig(k8s));
    const apply = (o: any) =>
      objects.patch(
        o,
        undefined,
        undefined,
        'diehard-lab-test',
        true,
        PatchStrategy.ServerSideApply,
      );
    await apply({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: volume, labels: { 'diehard.io/volume': volume } },
      spec: {
        capacity: { storage: '10Gi' },
        accessModes: ['ReadWriteMany'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName: 'nfs-ha',
        mountOptions: ['nfsvers=4.1', 'hard'],
        nfs: { server: k8s.nfsHa.server, path: '/exports/static' },
      },
    });
    const c = claim(`${name}-static`);
    c.spec!.volumeName = volume;
    c.spec!.selector = { matchLabels: { 'diehard.io/volume': volume } };
    c.spec!.resources!.requests!.storage = '10Gi';
    await apply(c);
    const bound = await waitFor(
      'the static claim Bound',
      async () => {
        const now = await core.readNamespacedPersistentVolumeClaim({
          name: `${name}-static`,
          namespace,
        });
        return now.status?.phase === 'Bound' ? now : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(bound.spec?.volumeName).toBe(volume);
    const provisioned = (await core.listPersistentVolume()).items.filter(
      v => v.spec?.claimRef?.name === `${name}-static`,
    );
    expect(provisioned.map(v => v.metadata?.name)).toEqual([volume]);
  });

  it('gives each replica of a StatefulSet a local-ssd volume on the node the scheduler picked for it (what the galera-cluster template asks for)', async () => {
    const set = `${name}-db`;
    const apps = admin.makeApiClient(AppsV1Api);
    await apps.createNamespacedStatefulSet({
      namespace,
      body: {
        metadata: { name: set },
        spec: {
          replicas: 3,
          serviceName: set,
          selector: { matchLabels: { app: set } },
          template: {
            metadata: { labels: { app: set } },
            spec: {
              containers: [
                {
                  name: 'db',
                  image: 'platform/mariadb:10.11',
                  volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }],
                },
              ],
            },
          },
          volumeClaimTemplates: [
            {
              metadata: { name: 'data' },
              spec: {
                accessModes: ['ReadWriteOnce'],
                storageClassName: 'local-ssd',
                resources: { requests: { storage: '2Gi' } },
              },
            },
          ],
        },
      },
    });
    const claims = [0, 1, 2].map(i => `data-${set}-${i}`);
    try {
      const pods = await waitFor(
        '3 Running pods, each with its local volume',
        async () => {
          const running = (
            await core.listNamespacedPod({
              namespace,
              labelSelector: `app=${set}`,
            })
          ).items.filter(p => p.status?.phase === 'Running');
          return running.length === 3 ? running : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      );
      for (const pod of pods) {
        const claimName = `data-${pod.metadata!.name}`;
        const c = await core.readNamespacedPersistentVolumeClaim({
          name: claimName,
          namespace,
        });
        expect(c.status?.phase).toBe('Bound');
        const pv = await core.readPersistentVolume({
          name: c.spec!.volumeName!,
        });
        expect(pv.spec?.local?.path).toBe(
          `/mnt/local-ssd/${namespace}-${claimName}`,
        );
        expect(
          pv.spec?.nodeAffinity?.required?.nodeSelectorTerms?.[0]
            ?.matchExpressions?.[0],
        ).toEqual({
          key: 'kubernetes.io/hostname',
          operator: 'In',
          values: [pod.spec!.nodeName],
        });
      }
    } finally {
      await apps
        .deleteNamespacedStatefulSet({ name: set, namespace })
        .catch(() => {});
      for (const c of claims)
        await core
          .deleteNamespacedPersistentVolumeClaim({ name: c, namespace })
          .catch(() => {});
    }
  });

  it('refuses a claim with a selector (as nfs-subdir-external-provisioner does), saying so in an event on the claim', async () => {
    const c = claim(`${name}-selector`);
    c.spec!.selector = { matchLabels: { 'diehard.io/volume': 'none' } };
    await core.createNamespacedPersistentVolumeClaim({ namespace, body: c });
    try {
      const event = await provisioningFailed(core, `${name}-selector`);
      expect(event.source?.component).toBe('diehard.io/nfs-ha-stand-in');
      expect(event.message).toBe('claim Selector is not supported');
      const now = await core.readNamespacedPersistentVolumeClaim({
        name: `${name}-selector`,
        namespace,
      });
      expect(now.status?.phase).toBe('Pending');
    } finally {
      await core
        .deleteNamespacedPersistentVolumeClaim({
          name: `${name}-selector`,
          namespace,
        })
        .catch(() => {});
    }
  });

  it("refuses a ReadWriteMany claim on local-ssd once a pod needs it (a node's disk serves one node, as local-path-provisioner says too), leaving its pods Pending", async () => {
    const shared = `${name}-local-rwx`;
    const c = claim(shared);
    c.spec!.storageClassName = 'local-ssd';
    await core.createNamespacedPersistentVolumeClaim({ namespace, body: c });
    await admin.makeApiClient(AppsV1Api).createNamespacedDeployment({
      namespace,
      body: deployment(shared, shared),
    });
    try {
      const event = await provisioningFailed(core, shared);
      expect(event.source?.component).toBe('rancher.io/local-path');
      expect(event.message).toBe(
        'a local volume lives on one node: it serves ReadWriteOnce and ReadWriteOncePod claims, not ReadWriteMany',
      );
      const now = await core.readNamespacedPersistentVolumeClaim({
        name: shared,
        namespace,
      });
      expect(now.status?.phase).toBe('Pending');
      const pods = await core.listNamespacedPod({
        namespace,
        labelSelector: `app=${shared}`,
      });
      expect(pods.items.some(p => p.status?.phase === 'Running')).toBe(false);
    } finally {
      await admin
        .makeApiClient(AppsV1Api)
        .deleteNamespacedDeployment({ name: shared, namespace })
        .catch(() => {});
      await core
        .deleteNamespacedPersistentVolumeClaim({ name: shared, namespace })
        .catch(() => {});
    }
  });

  it('keeps the running provisioner when the lab is brought up again', async () => {
    const pid = async () =>
      (await labStatus())
        .find(s => s.name === 'kubernetes')
        ?.processes.find(p => p.name === 'storage-stand-in');
    const before = await pid();
    expect(before?.alive).toBe(true);
    const again = await useLab(['kubernetes']);
    expect(again.kubernetes.nfsHa.storageClass).toBe('nfs-ha');
    expect(await pid()).toEqual(before);
  });
});
