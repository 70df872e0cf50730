import { ObjectIndex } from '../grouping/ObjectIndex';
import { KubeObject, namespaceOf } from '../model/kube';

/** PVs by their `claimRef` (`namespace/name`, `/name` without a namespace), first of each. */
const byClaimRefOf = new WeakMap<ObjectIndex, Map<string, KubeObject>>();

function byClaimRef(index: ObjectIndex): Map<string, KubeObject> {
  let byRef = byClaimRefOf.get(index);
  if (!byRef) {
    byRef = new Map();
    for (const pv of index.list('PersistentVolume')) {
      const ref = pv.spec?.claimRef;
      const key = `${ref?.namespace ?? ''}/${ref?.name}`;
      if (ref?.name && !byRef.has(key)) byRef.set(key, pv);
    }
    byClaimRefOf.set(index, byRef);
  }
  return byRef;
}

/**
 * The PersistentVolume a claim is bound to: by its `volumeName`, or the volume whose
 * `claimRef` names it (a claimRef without a namespace names the claim's).
 */
export function boundVolume(
  claim: KubeObject,
  index: ObjectIndex,
): KubeObject | undefined {
  const name = claim.metadata?.name;
  const byRef = byClaimRef(index);
  return (
    index.get('PersistentVolume', '', claim.spec?.volumeName) ??
    byRef.get(`${namespaceOf(claim)}/${name}`) ??
    byRef.get(`/${name}`)
  );
}
