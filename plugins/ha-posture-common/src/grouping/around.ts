import { databasesReached } from '../dsn/connections';
import { KubeObject, refOf } from '../model/kube';
import { WorkloadAround } from '../model/report';
import { ConfigFile } from '../tomcat/configFiles';
import { Grouping } from './groupWorkloads';
import { ObjectIndex } from './ObjectIndex';
import { Workload } from './workload';

/** A StatefulSet's per-replica claims (`<template>-<name>-<ordinal>`) that exist. */
function perReplicaClaims(w: Workload, index: ObjectIndex): KubeObject[] {
  if (w.kind !== 'StatefulSet') return [];
  const templates = w.object.spec?.volumeClaimTemplates;
  const replicas = Math.max(w.replicas, w.declaredReplicas);
  // The namespace's claims are read, not every ordinal tried: a huge spec.replicas costs nothing.
  const claims = index.list('PersistentVolumeClaim', w.namespace);
  return (Array.isArray(templates) ? templates : []).flatMap(t => {
    const prefix = `${t?.metadata?.name}-${w.name}-`;
    const ordinalOf = (pvc: KubeObject) => {
      const name = pvc.metadata?.name ?? '';
      const ordinal = name.slice(prefix.length);
      return name.startsWith(prefix) && /^\d+$/.test(ordinal)
        ? Number(ordinal)
        : Infinity;
    };
    return claims
      .filter(pvc => ordinalOf(pvc) < replicas)
      .sort((a, b) => ordinalOf(a) - ordinalOf(b));
  });
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
    volumes: [...w.pvcs, ...perReplicaClaims(w, index)].map(refOf),
  };
}
