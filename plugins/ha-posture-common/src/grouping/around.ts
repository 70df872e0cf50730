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
  const replicas = Math.max(w.replicas, w.declaredReplicas);
  const out: KubeObject[] = [];
  // The namespace's claims are read, not every ordinal tried: a huge spec.replicas costs nothing.
  const claims = index.list('PersistentVolumeClaim', w.namespace);
  for (const t of Array.isArray(templates) ? templates : []) {
    const prefix = `${t?.metadata?.name}-${w.name}-`;
    const ordinalOf = (pvc: KubeObject) => {
      const name = pvc.metadata?.name ?? '';
      const ordinal = name.slice(prefix.length);
      return name.startsWith(prefix) && /^\d+$/.test(ordinal)
        ? Number(ordinal)
        : Infinity;
    };
    const own = claims
      .filter(pvc => ordinalOf(pvc) < replicas)
      .sort((a, b) => ordinalOf(a) - ordinalOf(b));
    for (const pvc of own) {
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
