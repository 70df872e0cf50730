import {
  OciLayout,
  pushImage,
  RegistryClient,
} from '@diehard/plugin-container-images-node';
import type { RegistryEndpoint } from '../components/registry';

/** A registry client for the lab's registry, as its user, trusting its CA. */
export function clientFor(registry: RegistryEndpoint) {
  return new RegistryClient({
    name: 'lab',
    host: registry.host,
    username: registry.username,
    password: registry.password,
    ca: registry.caPem,
  });
}

/** The digest `repository:reference` has in the registry, if it exists. */
export async function registryDigest(
  registry: RegistryEndpoint,
  repository: string,
  reference: string,
): Promise<string | undefined> {
  const client = clientFor(registry);
  try {
    return (await client.getManifest(repository, reference)).digest;
  } catch (e) {
    if ((e as Error)?.name === 'NotFoundError') return undefined;
    throw e;
  } finally {
    client.close();
  }
}

/**
 * Pushes `tag` of an OCI layout to `registry/repository:tag` with the images
 * library (blobs the registry holds are skipped, the tag is set last), digests
 * preserved.
 */
export async function pushLayout(
  layoutDir: string,
  tag: string,
  registry: RegistryEndpoint,
  repository: string,
): Promise<void> {
  const client = clientFor(registry);
  try {
    await pushImage(client, await OciLayout.open(layoutDir), {
      repository,
      tag,
      refName: tag,
    });
  } finally {
    client.close();
  }
}
