import fs from 'node:fs';
import path from 'node:path';
import {
  HIGHLY_AVAILABLE_ANNOTATION,
  parseManifests,
} from '@diehard/plugin-ha-posture-common';
import { corpusDir } from './corpus';

// Plain objects only, no Kubernetes client: the browser tests (whose jest config does
// not load the ESM client) apply these with kubectl.

const corpus = corpusDir('service');

/**
 * A corpus stack (`eni-todo-ha` or `eni-todo-fragile`) moved to `namespace` (names
 * inside DSNs included), its objects in file order.
 */
export function corpusStack(folder: string, namespace: string): any[] {
  const dir = path.join(corpus, folder);
  return fs
    .readdirSync(dir)
    .filter(file => /^\d\d-.*\.yaml$/.test(file))
    .sort()
    .flatMap(file => {
      const text = fs
        .readFileSync(path.join(dir, file), 'utf8')
        .replace(/\beni-todo\b(?!-)/g, namespace);
      return parseManifests(text, file).objects.map(o => o.object as any);
    });
}

/**
 * Test double for storage: the lab has no NFS server or CSI driver (NFS cannot run
 * here), so each claim of `objects` (a StatefulSet's included) gets a PersistentVolume
 * made for it ahead of time, the way an Ops team pre-provisions one, named
 * `<namespace>-<claim>`. Nothing mounts them: KWOK's pods only need them bound.
 */
export function volumesFor(objects: any[]): any[] {
  const claims: Array<{ namespace: string; name: string; spec: any }> = [];
  for (const object of objects) {
    const namespace = object.metadata.namespace;
    if (object.kind === 'PersistentVolumeClaim') {
      claims.push({ namespace, name: object.metadata.name, spec: object.spec });
    }
    if (object.kind === 'StatefulSet') {
      for (const template of object.spec.volumeClaimTemplates ?? []) {
        for (let i = 0; i < (object.spec.replicas ?? 1); i++) {
          claims.push({
            namespace,
            name: `${template.metadata.name}-${object.metadata.name}-${i}`,
            spec: template.spec,
          });
        }
      }
    }
  }
  return claims.map(claim => {
    const name = `${claim.namespace}-${claim.name}`;
    const nfs = claim.spec.storageClassName === 'nfs-ha';
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name,
        annotations: nfs ? { [HIGHLY_AVAILABLE_ANNOTATION]: 'true' } : {},
      },
      spec: {
        capacity: { storage: claim.spec.resources?.requests?.storage ?? '1Gi' },
        accessModes: claim.spec.accessModes,
        storageClassName: claim.spec.storageClassName ?? '',
        persistentVolumeReclaimPolicy: 'Retain',
        claimRef: { namespace: claim.namespace, name: claim.name },
        ...(nfs
          ? {
              nfs: {
                server: 'nfs-ha.storage.internal',
                path: `/exports/${name}`,
              },
            }
          : { csi: { driver: 'lab.diehard.io', volumeHandle: name } }),
      },
    };
  });
}
