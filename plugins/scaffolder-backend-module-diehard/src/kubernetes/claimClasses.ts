import { LoggerService } from '@backstage/backend-plugin-api';
import type { TargetStorageClass } from '@diehard/plugin-scaffolder-diehard-common';
import { ManifestObject, describe } from './bundle';
import { KubeClient } from './KubeClient';
import { ApplyWords } from './applyWords';
import { listStorageClasses } from './storageClasses';

interface ClaimSpec {
  storageClassName?: string | null;
  volumeName?: string;
}

interface Claim {
  /** `PersistentVolumeClaim team-a/files`, `StatefulSet team-a/db: volumeClaimTemplates "data"` */
  what: string;
  spec: ClaimSpec;
}

/** The claims a bundle makes: its PersistentVolumeClaims and its StatefulSets' templates. */
function claimsOf(
  objects: ManifestObject[],
  isLive: (o: ManifestObject) => boolean,
): Claim[] {
  const claims: Claim[] = [];
  for (const o of objects) {
    // A claim or StatefulSet the cluster already holds keeps the volumes it has.
    if (isLive(o)) continue;
    const spec = (o as { spec?: any }).spec;
    if (o.kind === 'PersistentVolumeClaim' && spec && typeof spec === 'object')
      claims.push({ what: describe(o), spec });
    if (o.kind === 'StatefulSet' && Array.isArray(spec?.volumeClaimTemplates)) {
      for (const t of spec.volumeClaimTemplates) {
        if (t?.spec && typeof t.spec === 'object')
          claims.push({
            what: `${describe(o)}: volumeClaimTemplates "${
              t.metadata?.name ?? '?'
            }"`,
            spec: t.spec,
          });
      }
    }
  }
  return claims;
}

/**
 * Claims of the bundle no volume will ever come for: the storage class they name
 * does not exist (nor does the bundle bring it), or they name none and the cluster
 * has no default class. The API server's dry run accepts such a claim; its pods
 * would then wait, Pending, until the rollout times out. A claim naming its volume
 * (static binding) or the empty class ("" binds to class-less volumes) is left alone,
 * and so is a class-less claim while the cluster holds an available class-less volume.
 * Lists StorageClasses once; a cluster that will not list them is not checked.
 */
export async function claimsWithoutClass(
  client: KubeClient,
  objects: ManifestObject[],
  isLive: (o: ManifestObject) => boolean,
  logger: LoggerService,
  words: ApplyWords,
): Promise<string[]> {
  const claims = claimsOf(objects, isLive).filter(
    c => !c.spec.volumeName && c.spec.storageClassName !== '',
  );
  if (!claims.length) return [];
  let classes: TargetStorageClass[];
  try {
    classes = await listStorageClasses(client);
  } catch (e) {
    logger.warn(words.classesNotListed((e as Error).message));
    return [];
  }
  const hasDefault = classes.some(c => c.isDefault);
  const names = new Set<string>([
    ...classes.map(c => c.name),
    ...objects.filter(o => o.kind === 'StorageClass').map(o => o.metadata.name),
  ]);
  const known = [...names].sort();
  // Without a default class, a claim naming none can still bind to a class-less volume
  // (volumes that cannot be listed: maybe there is one).
  const classlessVolume = async () =>
    (
      await client.list('v1', 'PersistentVolume', '').catch(() => [undefined])
    ).some(
      v => !v || (v.status?.phase === 'Available' && !v.spec?.storageClassName),
    );
  const problems: string[] = [];
  for (const c of claims) {
    const name = c.spec.storageClassName;
    if (typeof name === 'string' && !names.has(name)) {
      problems.push(words.classMissing(c.what, name, known));
    } else if (name === undefined || name === null) {
      if (!hasDefault && !(await classlessVolume()))
        problems.push(words.noDefaultClass(c.what, known));
    }
  }
  return problems;
}
