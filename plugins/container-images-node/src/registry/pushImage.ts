import { OciLayout } from '../image/OciLayout';
import { BlobUploadResult, uploadBlob } from './blobUpload';
import {
  Descriptor,
  ImageIndex,
  ImageManifest,
  isIndexMediaType,
} from './mediaTypes';
import { assertRepository, assertTag } from './reference';
import { RegistryClient } from './RegistryClient';
import { mapConcurrent } from './concurrency';

/** @public */
export interface PushImageOptions {
  repository: string;
  /** Tag to set once everything is there; without one the image is pushed by digest only. */
  tag?: string;
  /** Which image of the layout (its org.opencontainers.image.ref.name); optional when it holds one. */
  refName?: string;
  /** Repositories of the same registry to mount shared blobs from. */
  mountFrom?: string[];
  /**
   * Told of each blob the push sent or mounted, as it is done (a caller that words the
   * progress itself); without it the client's logger says it in English.
   */
  onBlob?: (blob: PushedBlob) => void;
}

/** @public */
export interface PushedBlob {
  digest: string;
  /** Bytes. */
  size: number;
  outcome: 'uploaded' | 'mounted';
  retries: number;
  ms: number;
}

/** @public */
export interface PushImageResult {
  digest: string;
  /** `host/repo@sha256:…` */
  reference: string;
  mediaType: string;
  blobs: { uploaded: number; existing: number; mounted: number };
  /** Request body bytes sent to the registry during this push. */
  bytesSent: number;
}

interface ManifestNode {
  desc: Descriptor;
  bytes: Buffer;
}

/**
 * Pushes one image (or image index) of an OCI layout: every blob first (skipping
 * those the registry has, mounting or uploading the rest), then a HEAD on each to
 * verify it, and only then the manifests, children before the index and the tag
 * last, so a failure at any point leaves no tag pointing at a missing blob.
 *
 * @public
 */
export async function pushImage(
  client: RegistryClient,
  layout: OciLayout,
  options: PushImageOptions,
): Promise<PushImageResult> {
  const repository = assertRepository(options.repository);
  if (options.tag) assertTag(options.tag);
  const sentBefore = client.transport.bytesSent;
  const root = await layout.resolve(options.refName);

  // Walk the manifest tree in the layout.
  const manifests: ManifestNode[] = [];
  const blobs = new Map<string, Descriptor>();
  const visit = async (desc: Descriptor) => {
    const bytes = await layout.readBlob(desc.digest);
    const doc = JSON.parse(bytes.toString('utf8'));
    if (isIndexMediaType(desc.mediaType) || Array.isArray(doc.manifests)) {
      for (const child of (doc as ImageIndex).manifests) {
        if (await layout.hasBlob(child.digest)) await visit(child);
      }
    } else {
      const m = doc as ImageManifest;
      for (const b of [m.config, ...m.layers]) blobs.set(b.digest, b);
    }
    manifests.push({ desc, bytes });
  };
  await visit(root);

  await client.ping(repository);

  const sources = await Promise.all(
    [...blobs.values()].map(d => layout.blobSource(d)),
  );
  // Largest first: the long uploads start early.
  sources.sort((a, b) => b.size - a.size);
  const results: BlobUploadResult[] = await mapConcurrent(
    sources,
    client.concurrency,
    async s => {
      const started = Date.now();
      const r = await uploadBlob(client, repository, s, {
        mountFrom: options.mountFrom,
      });
      if (r.outcome !== 'exists') {
        const blob: PushedBlob = {
          digest: s.digest,
          size: s.size,
          outcome: r.outcome,
          retries: r.retries,
          ms: Date.now() - started,
        };
        if (options.onBlob) options.onBlob(blob);
        else
          client.logger?.info(
            `blob ${s.digest.slice(0, 19)}… ${r.outcome} (${(
              s.size / 1e6
            ).toFixed(1)} MB)`,
            { repository, ...blob },
          );
      }
      return r;
    },
  );

  // Verify every blob before any manifest refers to it (those found in place were
  // just verified by the HEAD that found them, size included).
  const found = new Set(
    results.filter(r => r.outcome === 'exists').map(r => r.digest),
  );
  const toVerify = [...blobs.values()].filter(d => !found.has(d.digest));
  await mapConcurrent(toVerify, 8, async d => {
    const size = await client.blobSize(repository, d.digest);
    if (size !== d.size) {
      throw new Error(
        `blob ${
          d.digest
        } is not complete in ${repository} after upload (registry reports ${
          size ?? 'nothing'
        }); no tag was written`,
      );
    }
  });

  // Children by digest (post-order already puts them first), the root by tag.
  for (const node of manifests.slice(0, -1)) {
    await client.putManifest(
      repository,
      node.desc.digest,
      node.desc.mediaType,
      node.bytes,
    );
  }
  const top = manifests[manifests.length - 1];
  const digest = await client.putManifest(
    repository,
    options.tag ?? top.desc.digest,
    top.desc.mediaType,
    top.bytes,
  );

  const count = (o: BlobUploadResult['outcome']) =>
    results.filter(r => r.outcome === o).length;
  return {
    digest,
    reference: client.pinned(repository, digest),
    mediaType: top.desc.mediaType,
    blobs: {
      uploaded: count('uploaded'),
      existing: count('exists'),
      mounted: count('mounted'),
    },
    bytesSent: client.transport.bytesSent - sentBefore,
  };
}
