import { ManifestObject, describe } from './bundle';

export interface ImageOverride {
  /** Repository as written in the manifests, with or without host (e.g. "team/petclinic"). */
  name: string;
  /** What to use instead, ideally pinned: host/repo@sha256:… */
  reference: string;
}

/** One container image an override replaced. */
export interface ImageChange {
  /** `Deployment team-a/web` */
  object: string;
  container: string;
  from: string;
  to: string;
}

/** `host/team/app:1.0@sha256:…` → `host/team/app` */
function repositoryOf(image: string): string {
  let ref = image.split('@')[0];
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) ref = ref.slice(0, colon);
  return ref;
}

function matches(image: string, name: string): boolean {
  const repo = repositoryOf(image);
  const want = repositoryOf(name);
  return repo === want || repo.endsWith(`/${want}`);
}

function podSpecs(o: ManifestObject): any[] {
  const spec = o.spec as any;
  if (!spec) return [];
  switch (o.kind) {
    case 'Pod':
      return [spec];
    case 'CronJob':
      return [spec.jobTemplate?.spec?.template?.spec].filter(Boolean);
    default:
      return [spec.template?.spec].filter(Boolean);
  }
}

/**
 * Replaces container images matching an override (containers, initContainers,
 * ephemeralContainers of any pod template). Returns what was replaced.
 */
export function overrideImages(
  objects: ManifestObject[],
  overrides: ImageOverride[],
): ImageChange[] {
  const changes: ImageChange[] = [];
  if (!overrides.length) return changes;
  for (const o of objects) {
    for (const pod of podSpecs(o)) {
      for (const list of [
        pod.containers,
        pod.initContainers,
        pod.ephemeralContainers,
      ]) {
        for (const c of list ?? []) {
          if (typeof c?.image !== 'string') continue;
          const hit = overrides.find(ov => matches(c.image, ov.name));
          if (hit && c.image !== hit.reference) {
            changes.push({
              object: describe(o),
              container: c.name,
              from: c.image,
              to: hit.reference,
            });
            c.image = hit.reference;
          }
        }
      }
    }
  }
  return changes;
}
