import {
  HIGHLY_AVAILABLE_ANNOTATION,
  isNodeLocalProvisioner,
} from '@diehard/plugin-ha-posture-common';
import type { TargetStorageClass } from '@diehard/plugin-scaffolder-diehard-common';
import { KubeClient } from './KubeClient';

const DEFAULT_CLASS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];
const KEPT_ANNOTATIONS = [...DEFAULT_CLASS, HIGHLY_AVAILABLE_ANNOTATION];

/** A StorageClass as the posture engine reads it, and no more of it. */
export interface StorageClassObject {
  apiVersion: 'storage.k8s.io/v1';
  kind: 'StorageClass';
  metadata: { name: string; annotations: Record<string, string> };
  provisioner: string;
}

/**
 * The cluster's StorageClasses (one list request), sorted by name: name, provisioner and
 * the default and highly-available annotations only (a class's parameters may name
 * secrets; nothing else is needed to judge its claims).
 */
export async function readStorageClasses(
  client: KubeClient,
): Promise<StorageClassObject[]> {
  const items = await client.list('storage.k8s.io/v1', 'StorageClass', '');
  return items
    .filter(c => typeof c?.metadata?.name === 'string')
    .map(c => {
      const annotations: Record<string, string> = {};
      for (const a of KEPT_ANNOTATIONS) {
        const value = c.metadata.annotations?.[a];
        if (typeof value === 'string') annotations[a] = value;
      }
      return {
        apiVersion: 'storage.k8s.io/v1' as const,
        kind: 'StorageClass' as const,
        metadata: { name: c.metadata.name as string, annotations },
        provisioner: String(c.provisioner ?? ''),
      };
    })
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/** The cluster's StorageClasses as a template's form and first step speak of them. */
export async function listStorageClasses(
  client: KubeClient,
): Promise<TargetStorageClass[]> {
  return (await readStorageClasses(client)).map(c => ({
    name: c.metadata.name,
    isDefault: DEFAULT_CLASS.some(a => c.metadata.annotations[a] === 'true'),
    highlyAvailable:
      c.metadata.annotations[HIGHLY_AVAILABLE_ANNOTATION] === 'true',
    nodeLocal: isNodeLocalProvisioner(c.provisioner),
  }));
}
