import { msg } from '../messages/format';
import { declaredHighlyAvailable, HA_ANNOTATION } from '../dsn/databases';
import { ObjectIndex } from '../grouping/ObjectIndex';
import { perReplicaClaims } from '../grouping/around';
import { Workload } from '../grouping/workload';
import { volumesOf } from '../kube/podSpec';
import { boundVolume } from '../storage/boundVolume';
import { KubeObject, refOf } from '../model/kube';
import { PostureRule, RuleCheck, findingFor, label } from './rule';

/** Exported for the object-level findings of evaluate.ts (a claim no workload mounts yet). */
export const nfs: RuleCheck = {
  id: 'storage-nfs-single-host',
  category: 'storage',
  severity: 'critical',
  title: 'NFS server is a single host',
};

export const remediation = (server: string) =>
  msg('storage-nfs-single-host.remediation', {
    snippet: `metadata:\n  annotations:\n    ${HA_ANNOTATION}: "true"   # ${server} is a floating address of an HA pair`,
  });
export const spof = (server: string, service: string) =>
  msg('storage-nfs-single-host.spof', { server, service });

/**
 * The NFS server of a PersistentVolume (in-tree, or the NFS CSI driver's) when it is one
 * host: neither the volume nor its StorageClass declares it highly available.
 */
function singleNfsServer(
  pv: KubeObject,
  index: ObjectIndex,
): string | undefined {
  const server =
    pv.spec?.nfs?.server ??
    (pv.spec?.csi?.driver === 'nfs.csi.k8s.io'
      ? pv.spec?.csi?.volumeAttributes?.server
      : undefined);
  const storageClass = index.get('StorageClass', '', pv.spec?.storageClassName);
  if (
    !server ||
    declaredHighlyAvailable(pv) ||
    declaredHighlyAvailable(storageClass)
  )
    return undefined;
  return `${server}`;
}

/**
 * The claims of the input no workload mounts (yet), bound to a PersistentVolume served by
 * one NFS host: the shared volume an Ops team declares before the services that will use it.
 */
export function unmountedNfsClaims(
  index: ObjectIndex,
  workloads: Workload[],
): Array<{ claim: KubeObject; pv: KubeObject; server: string }> {
  const mounted = new Set(
    workloads.flatMap(w => [...w.pvcs, ...perReplicaClaims(w, index)]),
  );
  const out = [];
  for (const claim of index.list('PersistentVolumeClaim')) {
    if (mounted.has(claim)) continue;
    const pv = boundVolume(claim, index);
    const server = pv && singleNfsServer(pv, index);
    if (pv && server) out.push({ claim, pv, server });
  }
  return out;
}

/**
 * `storage`: an NFS volume whose server is one named host, unless it is declared
 * highly available: on the pod template, the PersistentVolume (a claim's, or a
 * StatefulSet replica's), or its StorageClass (a class provisioned from an NFS-HA pair's
 * virtual address).
 */
export const nfsRule: PostureRule = {
  checks: [nfs],
  evaluate({ workload: w, service, index }) {
    const out = [];
    const templateHa =
      String(
        w.template.metadata.annotations[HA_ANNOTATION] ?? '',
      ).toLowerCase() === 'true';
    for (const v of volumesOf(w.template.spec)) {
      const server = v?.nfs?.server;
      if (!server || templateHa) continue;
      out.push(
        findingFor(nfs, w, {
          message: msg('storage-nfs-single-host.message', {
            workload: label(w),
            volume: `${v.name}`,
            server: `${server}`,
          }),
          evidence: `volumes[${v.name}].nfs.server: ${server}`,
          remediation: remediation(server),
          spof: spof(`${server}`, service),
        }),
      );
    }
    for (const pv of w.pvs) {
      const server = singleNfsServer(pv, index);
      if (!server) continue;
      out.push(
        findingFor(nfs, w, {
          message: msg('storage-nfs-single-host.pv.message', {
            workload: label(w),
            pv: `${pv.metadata?.name}`,
            server: `${server}`,
          }),
          evidence: `PersistentVolume ${pv.metadata?.name} spec.nfs.server: ${server}`,
          remediation: remediation(server),
          objects: [refOf(pv)],
          spof: spof(`${server}`, service),
        }),
      );
    }
    // A StatefulSet's per-replica volumes: one finding per server, naming them all.
    const perReplica = new Map<string, KubeObject[]>();
    for (const claim of perReplicaClaims(w, index)) {
      const pv = boundVolume(claim, index);
      const server = pv && !w.pvs.includes(pv) && singleNfsServer(pv, index);
      if (!pv || !server) continue;
      const onServer = perReplica.get(server);
      if (onServer) onServer.push(pv);
      else perReplica.set(server, [pv]);
    }
    for (const [server, pvs] of perReplica) {
      const names = pvs.map(pv => `${pv.metadata?.name}`).join(', ');
      out.push(
        findingFor(nfs, w, {
          message: msg('storage-nfs-single-host.pv.message', {
            workload: label(w),
            pv: names,
            server,
          }),
          evidence: `PersistentVolume ${names} spec.nfs.server: ${server}`,
          remediation: remediation(server),
          objects: pvs.map(refOf),
          spof: spof(server, service),
        }),
      );
    }
    return out;
  },
};
