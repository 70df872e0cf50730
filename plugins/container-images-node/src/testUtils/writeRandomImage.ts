import crypto from 'node:crypto';
import { OciLayout } from '../image/OciLayout';
import { Descriptor, MediaTypes } from '../registry/mediaTypes';

/**
 * Writes an image of random layers into an OCI layout: unique content per call, so
 * a test's first push really uploads. Layers are opaque to the registry.
 *
 * @public
 */
export async function writeRandomImage(
  dir: string,
  options: { layerSizes: number[]; refName?: string },
): Promise<{ layout: OciLayout; manifest: Descriptor; layers: Descriptor[] }> {
  const layout = await OciLayout.create(dir);
  const layers: Descriptor[] = [];
  for (const size of options.layerSizes) {
    const blob = await layout.writeBlob(crypto.randomBytes(size));
    layers.push({ mediaType: MediaTypes.ociLayerGzip, ...blob });
  }
  const config = await layout.writeBlob(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { nonce: crypto.randomUUID() } },
      rootfs: { type: 'layers', diff_ids: layers.map(l => l.digest) },
    }),
  );
  const manifestBytes = JSON.stringify({
    schemaVersion: 2,
    mediaType: MediaTypes.ociManifest,
    config: { mediaType: MediaTypes.ociConfig, ...config },
    layers,
  });
  const m = await layout.writeBlob(manifestBytes);
  const manifest: Descriptor = { mediaType: MediaTypes.ociManifest, ...m };
  await layout.tag(manifest, options.refName ?? 'latest');
  return { layout, manifest, layers };
}
