// A STAND-IN for the company's NFS-HA dynamic provisioner (nfs-subdir-external-provisioner
// on the NFS-HA pair's virtual address). NFS cannot run on these machines (no nfsd, no NFS
// mounts) and KWOK mounts no volumes, so this process only does the Kubernetes half of
// that provisioner's job: for each claim the PV controller hands to it, a bound `nfs`
// PersistentVolume pointing at a documentation-range address that serves nothing; when
// such a claim is gone and the class says Delete, the volume goes too. Nothing is ever
// exported or mounted. Run by the lab's kubernetes component as
// `node nfsHaStandInDaemon.cjs <config.json>`.
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
import {
  NFS_HA_STAND_IN_EXPORT_ROOT,
  NFS_HA_STAND_IN_PROVISIONER,
  NFS_HA_STAND_IN_SERVER,
} from './manifests';

export interface NfsHaStandInConfig {
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

/** `/exports/<namespace>-<claim>`: one directory of the export per claim. */
export function exportPath(claim: V1PersistentVolumeClaim): string {
  return `${NFS_HA_STAND_IN_EXPORT_ROOT}/${claim.metadata!.namespace}-${
    claim.metadata!.name
  }`;
}

/** The volume an NFS provisioner would create for `claim`, pre-bound to it. */
export function volumeFor(
  claim: V1PersistentVolumeClaim,
  storageClass: V1StorageClass,
): V1PersistentVolume {
  const m = claim.metadata!;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: `pvc-${m.uid}`,
      annotations: {
        [ANN_PROVISIONED_BY]: NFS_HA_STAND_IN_PROVISIONER,
        'diehard.io/stand-in':
          'lab only: no NFS server answers at this address, nothing is exported',
      },
    },
    spec: {
      capacity: { storage: claim.spec?.resources?.requests?.storage ?? '1Gi' },
      accessModes: claim.spec?.accessModes,
      volumeMode: claim.spec?.volumeMode,
      persistentVolumeReclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
      storageClassName: storageClass.metadata!.name,
      mountOptions: storageClass.mountOptions,
      nfs: { server: NFS_HA_STAND_IN_SERVER, path: exportPath(claim) },
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
  const handedOver =
    (a[ANN_PROVISIONER] ?? a[ANN_PROVISIONER_BETA]) ===
    NFS_HA_STAND_IN_PROVISIONER;
  if (
    !handedOver ||
    claim.metadata?.deletionTimestamp ||
    claim.spec?.volumeName ||
    claim.status?.phase !== 'Pending'
  )
    return undefined;
  const sc = classes.get(claim.spec?.storageClassName ?? '');
  if (sc?.provisioner !== NFS_HA_STAND_IN_PROVISIONER) return undefined;
  if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !a[ANN_SELECTED_NODE])
    return undefined;
  return sc;
}

const claimKey = (c: V1PersistentVolumeClaim) =>
  `${c.metadata!.namespace}/${c.metadata!.name}`;

const codeOf = (e: unknown) => (e as { code?: number }).code;

export class NfsHaStandIn {
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
      if (volumes.has(pv.metadata!.name)) continue; // the PV controller binds it
      if (claim.spec?.selector) {
        await this.refuse(claim, 'claim Selector is not supported');
        continue;
      }
      try {
        await this.core.createPersistentVolume({ body: pv });
        log(`created ${pv.metadata!.name} for ${claimKey(claim)}`);
        await this.event(
          claim,
          'Normal',
          'ProvisioningSucceeded',
          `Successfully provisioned volume ${pv.metadata!.name} (stand-in: ${
            pv.spec!.nfs!.server
          }:${pv.spec!.nfs!.path} is not exported)`,
        );
      } catch (e) {
        if (codeOf(e) !== 409) throw e;
      }
    }

    for (const pv of volumeList.items) {
      const ours =
        pv.metadata?.annotations?.[ANN_PROVISIONED_BY] ===
        NFS_HA_STAND_IN_PROVISIONER;
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
          source: { component: NFS_HA_STAND_IN_PROVISIONER },
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
    log(
      `ready: provisioner ${NFS_HA_STAND_IN_PROVISIONER} (stand-in), server ${NFS_HA_STAND_IN_SERVER}`,
    );
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
  ) as NfsHaStandInConfig;
  const kc = new KubeConfig();
  kc.loadFromFile(config.kubeconfig);
  process.on('SIGTERM', () => process.exit(0));
  await new NfsHaStandIn(kc).run(config.readyFile);
}
