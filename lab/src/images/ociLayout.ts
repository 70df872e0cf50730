import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

const MEDIA = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
};

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

const hashing = (hash: crypto.Hash) =>
  new Transform({
    transform(chunk, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });

async function writeBlob(dir: string, data: Buffer | string) {
  const digest = crypto.createHash('sha256').update(data).digest('hex');
  await fsp.writeFile(path.join(dir, 'blobs', 'sha256', digest), data);
  return { digest: `sha256:${digest}`, size: Buffer.byteLength(data) };
}

/** OCI's name for Node's architecture. */
export function ociArchitecture(arch: string = process.arch) {
  return (
    ({ x64: 'amd64', ia32: '386' } as Record<string, string>)[arch] ?? arch
  );
}

/**
 * Writes a one-layer OCI image layout: the tar gzipped as the layer (its diff_id
 * hashed on the way), the config, the manifest, and index.json naming it `tag`.
 * Returns the manifest digest.
 *
 * By hand because a one-layer layout is four small files: the scaffolder module's
 * builder cannot be used here (its tests depend on this package), and buildah would
 * need a container storage of its own to turn one tar into an image.
 */
export async function writeOciLayout(input: OciLayoutInput): Promise<string> {
  const blobs = path.join(input.dir, 'blobs', 'sha256');
  await fsp.mkdir(blobs, { recursive: true });

  const diff = crypto.createHash('sha256');
  const compressed = crypto.createHash('sha256');
  const tmp = path.join(blobs, 'layer.tmp');
  await pipeline(
    fs.createReadStream(input.layerTar),
    hashing(diff),
    zlib.createGzip({ level: 6 }),
    hashing(compressed),
    fs.createWriteStream(tmp),
  );
  const layerDigest = compressed.digest('hex');
  await fsp.rename(tmp, path.join(blobs, layerDigest));
  const layerSize = (await fsp.stat(path.join(blobs, layerDigest))).size;

  const config = await writeBlob(
    input.dir,
    JSON.stringify({
      architecture: ociArchitecture(),
      os: 'linux',
      config: input.config,
      rootfs: { type: 'layers', diff_ids: [`sha256:${diff.digest('hex')}`] },
      history: [{ created_by: input.createdBy }],
    }),
  );
  const manifest = await writeBlob(
    input.dir,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.manifest,
      config: { mediaType: MEDIA.config, ...config },
      layers: [
        {
          mediaType: MEDIA.layer,
          digest: `sha256:${layerDigest}`,
          size: layerSize,
        },
      ],
    }),
  );
  await fsp.writeFile(
    path.join(input.dir, 'oci-layout'),
    JSON.stringify({ imageLayoutVersion: '1.0.0' }),
  );
  await fsp.writeFile(
    path.join(input.dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.index,
      manifests: [
        {
          mediaType: MEDIA.manifest,
          ...manifest,
          annotations: { 'org.opencontainers.image.ref.name': input.tag },
        },
      ],
    }),
  );
  return manifest.digest;
}
