import { databasesReached } from '../dsn/connections';
import { KubeObject, refOf } from '../model/kube';
import { WorkloadAround } from '../model/report';
import { ConfigFile } from '../tomcat/configFiles';
import { Grouping } from './groupWorkloads';
import { ObjectIndex } from './ObjectIndex';
import { Workload } from './workload';

/** A StatefulSet's per-replica claims (`<template>-<name>-<ordinal>`) that exist, with their volumes. */
function perReplicaVolumes(w: Workload, index: ObjectIndex): KubeObject[] {
  if (w.kind !== 'StatefulSet') return [];
  const templates = w.object.spec?.volumeClaimTemplates;
  const out: KubeObject[] = [];
  // Ordinals past the claims the namespace holds cannot match: a huge spec.replicas costs nothing.
  const ordinals = Math.min(
    Math.max(w.replicas, w.declaredReplicas),
    index.list('PersistentVolumeClaim', w.namespace).length,
  );
  for (const t of Array.isArray(templates) ? templates : []) {
    const name = t?.metadata?.name;
    if (typeof name !== 'string') continue;
    for (let i = 0; i < ordinals; i++) {
      const pvc = index.get(
        'PersistentVolumeClaim',
        w.namespace,
        `${name}-${w.name}-${i}`,
      );
      if (!pvc) continue;
      out.push(pvc);
      const pv = index.get('PersistentVolume', '', pvc.spec?.volumeName);
      if (pv) out.push(pv);
    }
  }
  return out;
}

/** What a workload's pods rely on, whether or not a finding names it. */
export function aroundOf(
  w: Workload,
  index: ObjectIndex,
  grouping: Grouping,
  files: ConfigFile[],
): WorkloadAround {
  return {
    entryPoints: w.ingresses.map(refOf),
    databases: databasesReached(w, index, grouping, files),
    volumes: [...w.pvcs, ...w.pvs, ...perReplicaVolumes(w, index)].map(refOf),
  };
}
