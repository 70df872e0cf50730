import { ObjectIndex } from '../grouping/ObjectIndex';
import { Workload } from '../grouping/workload';
import { containersOf, volumesOf } from '../kube/podSpec';
import { selectorMatches } from '../kube/selectors';
import { KubeObject } from '../model/kube';

/** Provisioners whose volumes are a directory or disk of one node. */
const HOST_LOCAL_PROVISIONER =
  /^(rancher\.io\/local-path|kubernetes\.io\/no-provisioner|kubernetes\.io\/host-path|k8s\.io\/minikube-hostpath|docker\.io\/hostpath|microk8s\.io\/hostpath|openebs\.io\/local|local\.csi\.openebs\.io|hostpath\.csi\.k8s\.io|topolvm\.io|lvm\.csi\.metal-stack\.io|local\.csi\.aliyun\.com)$/i;

/** Class names that are host-local on every distribution that ships them, even when the StorageClass is not in the input. */
const HOST_LOCAL_CLASS_NAME =
  /^(local-path|microk8s-hostpath|openebs-hostpath|hostpath)$/;

const DEFAULT_CLASS_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

/** A claim of the workload whose data lives on one node. */
export interface NodeLocalClaim {
  /** The claim (or, for a StatefulSet, the volumeClaimTemplate) name. */
  claim: string;
  /** Why its volume is node-local, in words: `PersistentVolume data-pv (hostPath /mnt/data)`. */
  why: string;
  /** The field that shows it. */
  evidence: string;
  /** The PVC, PV or StorageClass involved. */
  objects: KubeObject[];
  /** True for a StatefulSet's volumeClaimTemplate: every replica gets its own volume. */
  perReplica: boolean;
}

function pvLocality(
  pv: KubeObject,
): { why: string; evidence: string } | undefined {
  const name = pv.metadata?.name;
  if (pv.spec?.hostPath?.path)
    return {
      why: `PersistentVolume ${name} (hostPath ${pv.spec.hostPath.path})`,
      evidence: `PersistentVolume ${name} spec.hostPath.path: ${pv.spec.hostPath.path}`,
    };
  if (pv.spec?.local?.path)
    return {
      why: `PersistentVolume ${name} (local ${pv.spec.local.path})`,
      evidence: `PersistentVolume ${name} spec.local.path: ${pv.spec.local.path}`,
    };
  return undefined;
}

function defaultClass(index: ObjectIndex): KubeObject | undefined {
  return index
    .list('StorageClass')
    .find(sc =>
      DEFAULT_CLASS_ANNOTATIONS.some(
        a => String(sc.metadata?.annotations?.[a] ?? '') === 'true',
      ),
    );
}

function modesOf(spec: any): string[] {
  return Array.isArray(spec?.accessModes) ? spec.accessModes.map(String) : [];
}

/**
 * Where a claim's data lives when that is one node: the PersistentVolume it is bound to
 * (by volumeName, claimRef, or static binding on storageClassName + selector + access modes,
 * as the PV controller would bind it) or its StorageClass's provisioner. Undefined when the
 * volume is not node-local or cannot be known from the input.
 */
function claimLocality(
  spec: any,
  claimName: string | undefined,
  ns: string,
  index: ObjectIndex,
): { why: string; evidence: string; objects: KubeObject[] } | undefined {
  if (!spec || typeof spec !== 'object') return undefined;
  const pvs = index.list('PersistentVolume');
  if (spec.volumeName) {
    const pv = index.get('PersistentVolume', '', spec.volumeName);
    const l = pv && pvLocality(pv);
    return l && { ...l, objects: [pv] };
  }
  if (claimName) {
    const pv = pvs.find(
      p =>
        p.spec?.claimRef?.name === claimName &&
        (p.spec?.claimRef?.namespace ?? ns) === ns,
    );
    if (pv) {
      const l = pvLocality(pv);
      return l && { ...l, objects: [pv] };
    }
  }
  const def = defaultClass(index);
  const className: string =
    typeof spec.storageClassName === 'string'
      ? spec.storageClassName
      : def?.metadata?.name ?? '';
  const wanted = modesOf(spec);
  const candidates = pvs.filter(
    p =>
      String(p.spec?.storageClassName ?? '') === className &&
      (!p.spec?.claimRef?.name ||
        (p.spec.claimRef.name === claimName &&
          (p.spec.claimRef.namespace ?? ns) === ns)) &&
      (!spec.selector || selectorMatches(spec.selector, p.metadata?.labels)) &&
      wanted.every(m => modesOf(p.spec).includes(m)),
  );
  if (candidates.length > 0) {
    const local = candidates.map(pvLocality);
    if (!local.every(Boolean)) return undefined;
    return {
      why: `${local[0]!.why}${
        candidates.length > 1
          ? ` (or one of ${
              candidates.length - 1
            } more node-local volumes of class "${className}")`
          : ''
      }`,
      evidence: `${local[0]!.evidence} (storageClassName "${className}")`,
      objects: candidates,
    };
  }
  if (!className) return undefined;
  const sc = index.get('StorageClass', '', className);
  const provisioner = String(sc?.provisioner ?? '');
  if (sc && HOST_LOCAL_PROVISIONER.test(provisioner))
    return {
      why: `StorageClass ${className} (provisioner ${provisioner}, a directory or disk of one node)`,
      evidence: `StorageClass ${className} provisioner: ${provisioner}`,
      objects: [sc],
    };
  if (!sc && HOST_LOCAL_CLASS_NAME.test(className))
    return {
      why: `StorageClass ${className} (a host-local class wherever it ships)`,
      evidence: `storageClassName: ${className}`,
      objects: [],
    };
  return undefined;
}

/** The workload's mounted claims whose data lives on one node. */
export function nodeLocalClaims(
  w: Workload,
  index: ObjectIndex,
): NodeLocalClaim[] {
  const mounts = containersOf(w.template.spec).flatMap(c =>
    Array.isArray(c.volumeMounts) ? c.volumeMounts : [],
  );
  // Read-only too: content that exists on one node only is lost to the pod when it moves.
  const mounted = (volume: string) => mounts.some(m => m?.name === volume);
  const out: NodeLocalClaim[] = [];
  for (const v of volumesOf(w.template.spec)) {
    const name = v.persistentVolumeClaim?.claimName;
    if (!name || !mounted(v.name)) continue;
    const pvc = index.get('PersistentVolumeClaim', w.namespace, name);
    if (!pvc) continue;
    const l = claimLocality(pvc.spec, name, w.namespace, index);
    if (l)
      out.push({
        claim: name,
        ...l,
        objects: [pvc, ...l.objects],
        perReplica: false,
      });
  }
  if (w.kind === 'StatefulSet') {
    const templates = w.object.spec?.volumeClaimTemplates;
    for (const t of Array.isArray(templates) ? templates : []) {
      const name = t?.metadata?.name;
      if (!name || !mounted(name)) continue;
      const l = claimLocality(t.spec, undefined, w.namespace, index);
      if (l) out.push({ claim: name, ...l, perReplica: true });
    }
  }
  return out;
}
