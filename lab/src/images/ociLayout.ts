import fs from 'node:fs';
import {
  gzipLayer,
  MediaTypes,
  OciLayout,
} from '@diehard/plugin-container-images-node';

export interface OciLayoutInput {
  /** The layout directory to create. */
  dir: string;
  /** An uncompressed tar of the root filesystem: the image's one layer. */
  layerTar: string;
  tag: string;
  /** The image config's `config` (Env, Cmd, WorkingDir, ExposedPorts…). */
  config: Record<string, unknown>;
  /** The history entry of the layer. */
  createdBy: string;
}

/** OCI's name for Node's architecture. */
export function ociArchitecture(arch: string = process.arch) {
  return (
    ({ x64: 'amd64', ia32: '386' } as Record<string, string>)[arch] ?? arch
  );
}

/**
 * Writes a one-layer OCI image layout with the images library: the tar gzipped as
 * the layer (its diff_id hashed on the way), the config, the manifest, and
 * index.json naming it `tag`. Returns the manifest digest.
 */
export async function writeOciLayout(input: OciLayoutInput): Promise<string> {
  const layout = await OciLayout.create(input.dir);
  const layer = await gzipLayer(fs.createReadStream(input.layerTar), input.dir);
  await layout.adoptFile(layer.file, layer.digest);
  const config = await layout.writeBlob(
    JSON.stringify({
      architecture: ociArchitecture(),
      os: 'linux',
      config: input.config,
      rootfs: { type: 'layers', diff_ids: [layer.diffId] },
      history: [{ created_by: input.createdBy }],
    }),
  );
  const manifest = await layout.writeBlob(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      config: { mediaType: MediaTypes.ociConfig, ...config },
      layers: [
        {
          mediaType: MediaTypes.ociLayerGzip,
          digest: layer.digest,
          size: layer.size,
        },
      ],
    }),
  );
  await layout.tag(
    { mediaType: MediaTypes.ociManifest, ...manifest },
    input.tag,
  );
  return manifest.digest;
}
