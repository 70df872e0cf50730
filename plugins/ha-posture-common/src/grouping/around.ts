import { databasesReached } from '../dsn/connections';
import { KubeObject, namespaceOf, refOf } from '../model/kube';
import { WorkloadAround } from '../model/report';
import { ConfigFile } from '../tomcat/configFiles';
import { Grouping } from './groupWorkloads';
import { ObjectIndex } from './ObjectIndex';
import { Workload } from './workload';

const ordinalClaimsOf = new WeakMap<
  ObjectIndex,
  Map<string, Array<{ ordinal: number; claim: KubeObject }>>
>();

/** Every claim named `<stem>-<ordinal>`, by `namespace/stem`, ordinal order; read once per input. */
function ordinalClaims(index: ObjectIndex) {
  let byStem = ordinalClaimsOf.get(index);
  if (!byStem) {
    byStem = new Map();
    for (const claim of index.list('PersistentVolumeClaim')) {
      const name = String(claim.metadata?.name ?? '');
      const dash = name.lastIndexOf('-');
      const ordinal = name.slice(dash + 1);
      if (dash < 1 || !/^\d+$/.test(ordinal)) continue;
      const key = `${namespaceOf(claim)}/${name.slice(0, dash)}`;
      const list = byStem.get(key) ?? [];
      list.push({ ordinal: Number(ordinal), claim });
      byStem.set(key, list);
    }
    for (const list of byStem.values())
      list.sort((a, b) => a.ordinal - b.ordinal);
    ordinalClaimsOf.set(index, byStem);
  }
  return byStem;
}

/** A StatefulSet's per-replica claims (`<template>-<name>-<ordinal>`) that exist. */
export function perReplicaClaims(
  w: Workload,
  index: ObjectIndex,
): KubeObject[] {
  if (w.kind !== 'StatefulSet') return [];
  const templates = w.object.spec?.volumeClaimTemplates;
  const replicas = Math.max(w.replicas, w.declaredReplicas);
  return (Array.isArray(templates) ? templates : []).flatMap(t =>
    (
      ordinalClaims(index).get(
        `${w.namespace}/${t?.metadata?.name}-${w.name}`,
      ) ?? []
    )
      .filter(c => c.ordinal < replicas)
      .map(c => c.claim),
  );
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
