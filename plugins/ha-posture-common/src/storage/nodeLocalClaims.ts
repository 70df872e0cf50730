import { MessageRef, msg } from '../messages/format';
import { ObjectIndex } from '../grouping/ObjectIndex';
import { Workload } from '../grouping/workload';
import { containersOf, volumesOf } from '../kube/podSpec';
import { selectorMatches } from '../kube/selectors';
import { KubeObject } from '../model/kube';

/** Provisioners whose volumes are a directory or disk of one node. */
const HOST_LOCAL_PROVISIONER =
  /^(rancher\.io\/local-path|kubernetes\.io\/no-provisioner|kubernetes\.io\/host-path|k8s\.io\/minikube-hostpath|docker\.io\/hostpath|microk8s\.io\/hostpath|openebs\.io\/local|local\.csi\.openebs\.io|hostpath\.csi\.k8s\.io|topolvm\.io|lvm\.csi\.metal-stack\.io|local\.csi\.aliyun\.com)$/i;

/**
 * Whether a StorageClass provisioner makes volumes that are a directory or disk of one
 * node (local-path, OpenEBS LocalPV, TopoLVM, hostpath…): data on them is lost with that
 * node and cannot be shared between nodes.
 *
 * @public
 */
export function isNodeLocalProvisioner(provisioner: string): boolean {
  return HOST_LOCAL_PROVISIONER.test(provisioner);
}

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
  why: MessageRef;
  /** The field that shows it. */
  evidence: string;
  /** The PVC, PV or StorageClass involved. */
  objects: KubeObject[];
  /** True for a StatefulSet's volumeClaimTemplate: every replica gets its own volume. */
  perReplica: boolean;
}

function pvLocality(
  pv: KubeObject,
): { why: MessageRef; evidence: string } | undefined {
  const name = pv.metadata?.name;
  if (pv.spec?.hostPath?.path)
    return {
      why: msg('storage.local.hostPathPv', {
        pv: `${name}`,
        path: `${pv.spec.hostPath.path}`,
      }),
      evidence: `PersistentVolume ${name} spec.hostPath.path: ${pv.spec.hostPath.path}`,
    };
  if (pv.spec?.local?.path)
    return {
      why: msg('storage.local.localPv', {
        pv: `${name}`,
        path: `${pv.spec.local.path}`,
      }),
      evidence: `PersistentVolume ${name} spec.local.path: ${pv.spec.local.path}`,
    };
  return undefined;
}

interface VolumeIndex {
  byClass: Map<string, KubeObject[]>;
  /** `namespace/claim` -> the PV whose claimRef names it. */
  byClaim: Map<string, KubeObject>;
  defaultClass?: KubeObject;
  /** Static-binding answers by class, selector and access modes. */
  staticBinding: Map<string, Locality | undefined | 'none'>;
}

/** PVs by class and by claimRef, built once per evaluation: claims x volumes stays linear. */
const volumeIndexes = new WeakMap<ObjectIndex, VolumeIndex>();

function volumeIndex(index: ObjectIndex): VolumeIndex {
  let v = volumeIndexes.get(index);
  if (v) return v;
  v = { byClass: new Map(), byClaim: new Map(), staticBinding: new Map() };
  for (const pv of index.list('PersistentVolume')) {
    const cls = String(pv.spec?.storageClassName ?? '');
    const ofClass = v.byClass.get(cls);
    if (ofClass) ofClass.push(pv);
    else v.byClass.set(cls, [pv]);
    const ref = pv.spec?.claimRef;
    if (ref?.name) v.byClaim.set(`${ref.namespace ?? ''}/${ref.name}`, pv);
  }
  v.defaultClass = index
    .list('StorageClass')
    .find(sc =>
      DEFAULT_CLASS_ANNOTATIONS.some(
        a => String(sc.metadata?.annotations?.[a] ?? '') === 'true',
      ),
    );
  volumeIndexes.set(index, v);
  return v;
}

function modesOf(spec: any): string[] {
  return Array.isArray(spec?.accessModes) ? spec.accessModes.map(String) : [];
}

type Locality = { why: MessageRef; evidence: string; objects: KubeObject[] };

/** What the unclaimed PVs of a class that fit the claim say: node-local, not, or no PV fits. */
function staticBinding(
  volumes: VolumeIndex,
  className: string,
  spec: any,
): Locality | undefined | 'none' {
  const wanted = modesOf(spec);
  const candidates = (volumes.byClass.get(className) ?? []).filter(
    p =>
      !p.spec?.claimRef?.name &&
      (!spec.selector || selectorMatches(spec.selector, p.metadata?.labels)) &&
      wanted.every(m => modesOf(p.spec).includes(m)),
  );
  if (candidates.length === 0) return 'none';
  const local = candidates.map(pvLocality);
  if (!local.every(Boolean)) return undefined;
  return {
    why:
      candidates.length > 1
        ? msg('storage.local.more', {
            volume: local[0]!.why,
            more: candidates.length - 1,
            storageClass: className,
          })
        : local[0]!.why,
    evidence: `${local[0]!.evidence} (storageClassName "${className}")`,
    // One is enough to point at; listing thousands on every claim's finding is not.
    objects: candidates.slice(0, 1),
  };
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
): Locality | undefined {
  if (!spec || typeof spec !== 'object') return undefined;
  const volumes = volumeIndex(index);
  if (spec.volumeName) {
    const pv = index.get('PersistentVolume', '', spec.volumeName);
    const l = pv && pvLocality(pv);
    return l && { ...l, objects: [pv] };
  }
  if (claimName) {
    const pv =
      volumes.byClaim.get(`${ns}/${claimName}`) ??
      volumes.byClaim.get(`/${claimName}`);
    if (pv) {
      const l = pvLocality(pv);
      return l && { ...l, objects: [pv] };
    }
  }
  const className: string =
    typeof spec.storageClassName === 'string'
      ? spec.storageClassName
      : volumes.defaultClass?.metadata?.name ?? '';
  // A PV claimRef'd to this claim was found above; the others bind to any claim alike, so
  // claims with the same class, selector and modes share one answer (linear in claims).
  let selector: string;
  try {
    selector = JSON.stringify(spec.selector ?? null);
  } catch {
    return undefined; // a selector that is no plain data (a cycle) selects nothing we can judge
  }
  const key = `${className}\u0000${selector}\u0000${modesOf(spec).join(',')}`;
  if (!volumes.staticBinding.has(key))
    volumes.staticBinding.set(key, staticBinding(volumes, className, spec));
  const bound = volumes.staticBinding.get(key);
  if (bound !== 'none') return bound;
  if (!className) return undefined;
  const sc = index.get('StorageClass', '', className);
  const provisioner = String(sc?.provisioner ?? '');
  if (sc && isNodeLocalProvisioner(provisioner))
    return {
      why: msg('storage.local.provisioner', {
        storageClass: className,
        provisioner,
      }),
      evidence: `StorageClass ${className} provisioner: ${provisioner}`,
      objects: [sc],
    };
  if (!sc && HOST_LOCAL_CLASS_NAME.test(className))
    return {
      why: msg('storage.local.className', { storageClass: className }),
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
