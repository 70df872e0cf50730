import path from 'node:path';
import type { RegistryEndpoint } from '../components/registry';
import { labPaths } from '../paths';
import { LabError } from '../util/errors';
import { withLock } from '../util/lock';
import { silentReporter, Reporter } from '../util/reporter';
import { buildDebianImage } from './debianImage';
import { PLATFORM_IMAGES } from './platformImages';
import { pushLayout, registryDigest } from './pushLayout';

export interface PlatformImage {
  /** e.g. platform/tomcat */
  repository: string;
  tag: string;
  /** host/repository:tag, as a Dockerfile's FROM names it. */
  reference: string;
  /** The manifest digest (sha256:…), the same in the cache and in the registry. */
  digest: string;
}

/**
 * Makes sure `registry` holds the platform base images (PLATFORM_IMAGES) that
 * generated Dockerfiles start from. The first run on a machine builds them from
 * Debian packages (minutes) into ~/.cache/diehard/images; afterwards a registry that
 * lacks them gets them in seconds, and one that has them costs a HEAD per image.
 * Serialised across processes (jest workers, the CLI) by a lock.
 */
export async function ensurePlatformImages(
  registry: RegistryEndpoint,
  options: { report?: Reporter } = {},
): Promise<PlatformImage[]> {
  const report = options.report ?? silentReporter;
  const cacheDir = path.join(labPaths().cacheDir, 'images');
  return withLock(cacheDir, 'platform-images', async () => {
    const images: PlatformImage[] = [];
    for (const spec of PLATFORM_IMAGES) {
      const { repository, tag } = spec;
      const step = `platform image ${repository}:${tag}`;
      try {
        const built = await buildDebianImage(spec, cacheDir, report);
        if (
          (await registryDigest(registry, repository, tag)) !== built.digest
        ) {
          report(`images: pushing ${repository}:${tag} to ${registry.host}`);
          await pushLayout(built.layoutDir, tag, registry, repository);
          const pushed = await registryDigest(registry, repository, tag);
          if (pushed !== built.digest) {
            throw new Error(
              `the registry holds ${pushed ?? 'nothing'} after the push, not ${
                built.digest
              }`,
            );
          }
        }
        images.push({
          repository,
          tag,
          reference: `${registry.host}/${repository}:${tag}`,
          digest: built.digest,
        });
      } catch (e) {
        throw new LabError(`${step}: ${(e as Error).message}`, { cause: e });
      }
    }
    return images;
  });
}
