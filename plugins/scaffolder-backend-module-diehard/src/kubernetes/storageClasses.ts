import { HIGHLY_AVAILABLE_ANNOTATION } from '@diehard/plugin-ha-posture-common';
import type { TargetStorageClass } from '@diehard/plugin-scaffolder-diehard-common';
import { KubeClient } from './KubeClient';

const DEFAULT_CLASS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

/** The cluster's StorageClasses (one list request), sorted by name. */
export async function listStorageClasses(
  client: KubeClient,
): Promise<TargetStorageClass[]> {
  const items = await client.list('storage.k8s.io/v1', 'StorageClass', '');
  return items
    .filter(c => typeof c?.metadata?.name === 'string')
    .map(c => {
      const annotations = c.metadata.annotations ?? {};
      return {
        name: c.metadata.name as string,
        isDefault: DEFAULT_CLASS.some(a => annotations[a] === 'true'),
        highlyAvailable: annotations[HIGHLY_AVAILABLE_ANNOTATION] === 'true',
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
