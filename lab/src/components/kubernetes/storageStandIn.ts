// STAND-INS for the company's storage provisioners: nfs-subdir-external-provisioner on
// the NFS-HA pair's virtual address (class nfs-ha) and local-path-provisioner on the
// nodes' SSDs (class local-ssd, under its provisioner name, refusing as it does the
// claims a node's disk cannot serve). NFS cannot run on these machines (no nfsd,
// no NFS mounts) and KWOK's nodes have no disks and mount nothing, so this process does
// only the Kubernetes half of their job: for each claim the PV controller hands to it, a
// bound PersistentVolumeClaim's volume (`nfs` on a documentation-range address that
// serves nothing, or `local` on the node the scheduler picked); when such a claim is
// gone and the class says Delete, the volume goes too. Nothing is ever exported,
// created on a disk or mounted. Run by the lab's kubernetes component as
// `node storageStandInDaemon.cjs <config.json>`.
import fsp from 'node:fs/promises';
import {
  CoreV1Api,
  KubeConfig,
  StorageV1Api,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
  V1StorageClass,
  Watch,
} from '@kubernetes/client-node';
import { LOCAL_SSD, NFS_HA } from './manifests';

const PROVISIONERS = new Set([NFS_HA.provisioner, LOCAL_SSD.provisioner]);

export interface StorageStandInConfig {
  kubeconfig: string;
  /** Written once the first pass over the cluster succeeded (the lab waits for it). */
  readyFile: string;
}

/** Set on a claim by the PV controller when it leaves provisioning to an external provisioner. */
const ANN_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
const ANN_PROVISIONER_BETA = 'volume.beta.kubernetes.io/storage-provisioner';
const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
/** A full pass even when no watch event came (a missed event, a PV's phase change). */
const RESYNC_MS = 5_000;

const log = (message: string) =>
  process.stdout.write(`${new Date().toISOString()} ${message}\n`);

/** `<root>/<namespace>-<claim>`: one directory per claim. */
const directory = (root: string, claim: V1PersistentVolumeClaim) =>
  `${root}/${claim.metadata!.namespace}-${claim.metadata!.name}`;

/** Where the volume lives: an NFS export, or a directory on the node the scheduler picked. */
function source(
  claim: V1PersistentVolumeClaim,
  storageClass: V1StorageClass,
): Partial<V1PersistentVolume['spec']> | string {
  if (storageClass.provisioner === NFS_HA.provisioner)
    return {
      nfs: { server: NFS_HA.server, path: directory(NFS_HA.exportRoot, claim) },
    };
  const modes = claim.spec?.accessModes ?? [];
  if (modes.some(m => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod'))
    return `a local volume lives on one node: it serves ReadWriteOnce and ReadWriteOncePod claims, not ${modes.join(
      ', ',
    )}`;
  const node = claim.metadata?.annotations?.[ANN_SELECTED_NODE];
  if (!node)
    return 'a local volume needs a node: use volumeBindingMode WaitForFirstConsumer';
  return {
    local: { path: directory(LOCAL_SSD.root, claim) },
    nodeAffinity: {
      required: {
        nodeSelectorTerms: [
          {
            matchExpressions: [
              {
                key: 'kubernetes.io/hostname',
                operator: 'In',
                values: [node],
              },
            ],
          },
        ],
      },
    },
  };
}

/**
 * The volume the real provisioner would create for `claim`, pre-bound to it, or why
 * it would not.
 */
export function volumeFor(
  claim: V1PersistentVolumeClaim,
  storageClass: V1StorageClass,
): V1PersistentVolume | string {
  const m = claim.metadata!;
  if (claim.spec?.selector) return 'claim Selector is not supported';
  const where = source(claim, storageClass);
  if (typeof where === 'string') return where;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: `pvc-${m.uid}`,
      annotations: {
        [ANN_PROVISIONED_BY]: storageClass.provisioner!,
        'diehard.io/stand-in':
          'lab only: nothing is exported, created on a disk or mounted',
      },
    },
    spec: {
      capacity: { storage: claim.spec?.resources?.requests?.storage ?? '1Gi' },
      accessModes: claim.spec?.accessModes,
      volumeMode: claim.spec?.volumeMode,
      persistentVolumeReclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
      storageClassName: storageClass.metadata!.name,
      mountOptions: storageClass.mountOptions,
      ...where,
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        namespace: m.namespace,
        name: m.name,
        uid: m.uid,
        resourceVersion: m.resourceVersion,
      },
    },
  };
}

/** Whether the PV controller handed `claim` to us and it still waits for a volume. */
function wantsVolume(
  claim: V1PersistentVolumeClaim,
  classes: Map<string, V1StorageClass>,
): V1StorageClass | undefined {
  const a = claim.metadata?.annotations ?? {};
  const provisioner = a[ANN_PROVISIONER] ?? a[ANN_PROVISIONER_BETA];
  if (
    !PROVISIONERS.has(provisioner) ||
    claim.metadata?.deletionTimestamp ||
    claim.spec?.volumeName ||
    claim.status?.phase !== 'Pending'
  )
    return undefined;
  const sc = classes.get(claim.spec?.storageClassName ?? '');
  if (sc?.provisioner !== provisioner) return undefined;
  if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !a[ANN_SELECTED_NODE])
    return undefined;
  return sc;
}

const claimKey = (c: V1PersistentVolumeClaim) =>
  `${c.metadata!.namespace}/${c.metadata!.name}`;

const codeOf = (e: unknown) => (e as { code?: number }).code;

export class StorageStandIn {
  private readonly core: CoreV1Api;
  private readonly storage: StorageV1Api;
  /** Claims already told why they get no volume (one event each, not one per pass). */
  private readonly refused = new Set<string>();
  private running = false;
  private again = false;

  constructor(private readonly kc: KubeConfig) {
    this.core = kc.makeApiClient(CoreV1Api);
    this.storage = kc.makeApiClient(StorageV1Api);
  }

  /** One pass: a volume for each claim waiting for one, away with released volumes. */
  async reconcile(): Promise<void> {
    const [classList, claimList, volumeList] = await Promise.all([
      this.storage.listStorageClass(),
      this.core.listPersistentVolumeClaimForAllNamespaces(),
      this.core.listPersistentVolume(),
    ]);
    const classes = new Map(classList.items.map(c => [c.metadata!.name!, c]));
    const volumes = new Set(volumeList.items.map(v => v.metadata!.name));

    for (const claim of claimList.items) {
      const sc = wantsVolume(claim, classes);
      if (!sc) continue;
      const pv = volumeFor(claim, sc);
      if (typeof pv === 'string') {
        await this.refuse(claim, pv);
        continue;
      }
      if (volumes.has(pv.metadata!.name)) continue; // the PV controller binds it
      try {
        await this.core.createPersistentVolume({ body: pv });
        log(`created ${pv.metadata!.name} for ${claimKey(claim)}`);
        await this.event(
          claim,
          'Normal',
          'ProvisioningSucceeded',
          `Successfully provisioned volume ${
            pv.metadata!.name
          } (stand-in: nothing is exported, created on a disk or mounted)`,
        );
      } catch (e) {
        if (codeOf(e) !== 409) throw e;
      }
    }

    for (const pv of volumeList.items) {
      const ours = PROVISIONERS.has(
        pv.metadata?.annotations?.[ANN_PROVISIONED_BY] ?? '',
      );
      if (
        !ours ||
        pv.metadata?.deletionTimestamp ||
        pv.status?.phase !== 'Released' ||
        pv.spec?.persistentVolumeReclaimPolicy !== 'Delete'
      )
        continue;
      try {
        await this.core.deletePersistentVolume({ name: pv.metadata!.name! });
        log(`deleted ${pv.metadata!.name} (its claim is gone)`);
      } catch (e) {
        if (codeOf(e) !== 404) throw e;
      }
    }
  }

  private async refuse(claim: V1PersistentVolumeClaim, why: string) {
    const key = `${claimKey(claim)}/${claim.metadata!.uid}`;
    if (this.refused.has(key)) return;
    this.refused.add(key);
    log(`not provisioning ${claimKey(claim)}: ${why}`);
    await this.event(claim, 'Warning', 'ProvisioningFailed', why);
  }

  private async event(
    claim: V1PersistentVolumeClaim,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ) {
    const m = claim.metadata!;
    const now = new Date();
    await this.core
      .createNamespacedEvent({
        namespace: m.namespace!,
        body: {
          metadata: { generateName: `${m.name}.`, namespace: m.namespace },
          involvedObject: {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            namespace: m.namespace,
            name: m.name,
            uid: m.uid,
            resourceVersion: m.resourceVersion,
          },
          type,
          reason,
          message,
          source: {
            component:
              claim.metadata?.annotations?.[ANN_PROVISIONER] ??
              NFS_HA.provisioner,
          },
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
        },
      })
      .catch(e => log(`event on ${claimKey(claim)} not recorded: ${e}`));
  }

  /** Runs a pass now, or right after the one in progress (events come in bursts). */
  async kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        await this.reconcile().catch(e => log(`pass failed: ${e}`));
      } while (this.again);
    } finally {
      this.running = false;
    }
  }

  /** Watches claims and volumes (a pass on every change), with a periodic pass besides. */
  async run(readyFile: string): Promise<never> {
    // Its RBAC was applied a moment ago: the authorizer may not see it on the first try.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.reconcile();
        break;
      } catch (e) {
        if (attempt >= 30) throw e;
        log(`first pass failed (${e}), again in 1 s`);
        await new Promise(r => setTimeout(r, 1000));
      }
    }
    await fsp.writeFile(readyFile, `${process.pid}\n`);
    log(`ready: provisioners ${[...PROVISIONERS].join(', ')} (stand-ins)`);
    const watch = new Watch(this.kc);
    const follow = (path: string) => {
      const restart = () => setTimeout(() => follow(path), 1000);
      watch
        .watch(
          path,
          { allowWatchBookmarks: false },
          () => void this.kick(),
          err => {
            if (err) log(`watch ${path} ended: ${err}`);
            restart();
          },
        )
        .catch(err => {
          log(`watch ${path} failed: ${err}`);
          restart();
        });
    };
    follow('/api/v1/persistentvolumeclaims');
    follow('/api/v1/persistentvolumes');
    setInterval(() => void this.kick(), RESYNC_MS);
    return new Promise<never>(() => {});
  }
}

export async function main(args: string[]) {
  const config = JSON.parse(
    await fsp.readFile(args[0], 'utf8'),
  ) as StorageStandInConfig;
  const kc = new KubeConfig();
  kc.loadFromFile(config.kubeconfig);
  process.on('SIGTERM', () => process.exit(0));
  await new StorageStandIn(kc).run(config.readyFile);
}
