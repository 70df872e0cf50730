import { OciLayout } from '../image/OciLayout';
import { mapConcurrent } from './concurrency';
import {
  Descriptor,
  ImageIndex,
  ImageManifest,
  isIndexMediaType,
} from './mediaTypes';
import { RegistryClient } from './RegistryClient';

/** @public */
export interface PullImageOptions {
  repository: string;
  /** Tag or digest. */
  reference: string;
  /** Name to give the image in the layout's index.json. */
  refName?: string;
  /** For an index: keep only the manifest for this platform (e.g. linux/amd64). */
  platform?: { os: string; architecture: string };
}

/**
 * Copies an image from a registry into an OCI layout, verifying every digest.
 * Blobs already in the layout are not fetched again.
 *
 * @public
 */
export async function pullImage(
  client: RegistryClient,
  layout: OciLayout,
  options: PullImageOptions,
): Promise<Descriptor> {
  const { repository } = options;
  let top = await client.getManifest(repository, options.reference);
  let doc = JSON.parse(top.bytes.toString('utf8'));
  if (isIndexMediaType(top.mediaType) && options.platform) {
    const { os, architecture } = options.platform;
    const child = (doc as ImageIndex).manifests.find(
      m => m.platform?.os === os && m.platform?.architecture === architecture,
    );
    if (!child) {
      throw new Error(
        `image ${repository}:${options.reference} has no ${os}/${architecture} variant`,
      );
    }
    top = await client.getManifest(repository, child.digest);
    doc = JSON.parse(top.bytes.toString('utf8'));
  }
  const fetchManifest = async (
    bytes: Buffer,
    mediaType: string,
    parsed: any,
  ) => {
    if (isIndexMediaType(mediaType)) {
      for (const child of (parsed as ImageIndex).manifests) {
        const m = await client.getManifest(repository, child.digest);
        await fetchManifest(
          m.bytes,
          m.mediaType,
          JSON.parse(m.bytes.toString('utf8')),
        );
      }
    } else {
      const m = parsed as ImageManifest;
      await mapConcurrent(
        [m.config, ...m.layers],
        client.concurrency,
        async d => {
          if (await layout.hasBlob(d.digest, d.size)) return;
          await layout.writeBlobStream(
            d,
            await client.openBlob(repository, d.digest),
          );
        },
      );
    }
    await layout.writeBlob(bytes);
  };
  await fetchManifest(top.bytes, top.mediaType, doc);
  const desc: Descriptor = {
    mediaType: top.mediaType,
    digest: top.digest,
    size: top.bytes.length,
  };
  if (options.refName) await layout.tag(desc, options.refName);
  return desc;
}
