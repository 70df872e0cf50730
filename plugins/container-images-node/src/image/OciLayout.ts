import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InputError, NotFoundError } from '@backstage/errors';
import { assertDigest, digesting, sha256Digest } from '../registry/digest';
import { BlobSource } from '../registry/blobUpload';
import { Descriptor, ImageIndex, MediaTypes } from '../registry/mediaTypes';

/** @public */
export const REF_NAME = 'org.opencontainers.image.ref.name';

/**
 * An OCI image layout directory (`oci-layout`, `index.json`, `blobs/sha256/…`), as
 * written by skopeo, buildah and our own builder.
 *
 * @public
 */
export class OciLayout {
  private constructor(readonly dir: string) {}

  /** Opens an existing layout; a clear InputError when the directory is not one. */
  static async open(dir: string): Promise<OciLayout> {
    let marker: { imageLayoutVersion?: string };
    try {
      marker = JSON.parse(
        await fsp.readFile(path.join(dir, 'oci-layout'), 'utf8'),
      );
    } catch {
      throw new InputError(
        `${dir} is not an OCI image layout (no readable oci-layout file)`,
      );
    }
    if (!marker.imageLayoutVersion) {
      throw new InputError(`${dir}/oci-layout has no imageLayoutVersion`);
    }
    return new OciLayout(dir);
  }

  /** Creates (or reuses) a layout directory. */
  static async create(dir: string): Promise<OciLayout> {
    await fsp.mkdir(path.join(dir, 'blobs', 'sha256'), { recursive: true });
    await fsp.writeFile(
      path.join(dir, 'oci-layout'),
      '{"imageLayoutVersion":"1.0.0"}',
    );
    const index = path.join(dir, 'index.json');
    if (!fs.existsSync(index)) {
      await fsp.writeFile(
        index,
        JSON.stringify({
          schemaVersion: 2,
          mediaType: MediaTypes.ociIndex,
          manifests: [],
        }),
      );
    }
    return new OciLayout(dir);
  }

  blobPath(digest: string): string {
    const [alg, hex] = assertDigest(digest).split(':');
    return path.join(this.dir, 'blobs', alg, hex);
  }

  async index(): Promise<ImageIndex> {
    return JSON.parse(
      await fsp.readFile(path.join(this.dir, 'index.json'), 'utf8'),
    );
  }

  /** The manifest named `refName`, or the only one when no name is given. */
  async resolve(refName?: string): Promise<Descriptor> {
    const { manifests } = await this.index();
    if (refName) {
      const found = manifests.find(m => m.annotations?.[REF_NAME] === refName);
      if (!found) {
        const names = manifests
          .map(m => m.annotations?.[REF_NAME])
          .filter(Boolean);
        throw new NotFoundError(
          `no image named "${refName}" in the OCI layout ${this.dir} (it has: ${
            names.join(', ') || 'none'
          })`,
        );
      }
      return found;
    }
    if (manifests.length !== 1) {
      throw new InputError(
        `the OCI layout ${this.dir} holds ${manifests.length} images: name one (refName)`,
      );
    }
    return manifests[0];
  }

  async readBlob(digest: string): Promise<Buffer> {
    try {
      return await fsp.readFile(this.blobPath(digest));
    } catch {
      throw new NotFoundError(
        `blob ${digest} is missing from the OCI layout ${this.dir}`,
      );
    }
  }

  async readJson<T>(digest: string): Promise<T> {
    return JSON.parse((await this.readBlob(digest)).toString('utf8')) as T;
  }

  async hasBlob(digest: string, size?: number): Promise<boolean> {
    try {
      const st = await fsp.stat(this.blobPath(digest));
      return size === undefined || st.size === size;
    } catch {
      return false;
    }
  }

  /** A blob as an upload source; checks it is there with the declared size. */
  async blobSource(desc: Descriptor): Promise<BlobSource> {
    const file = this.blobPath(desc.digest);
    const st = await fsp.stat(file).catch(() => undefined);
    if (!st)
      throw new NotFoundError(
        `blob ${desc.digest} is missing from the OCI layout ${this.dir}`,
      );
    if (st.size !== desc.size) {
      throw new InputError(
        `blob ${desc.digest} in ${this.dir} is ${st.size} bytes, its descriptor says ${desc.size}`,
      );
    }
    return {
      digest: desc.digest,
      size: desc.size,
      open: (start, end) =>
        fs.createReadStream(file, { start, end, highWaterMark: 1024 * 1024 }),
    };
  }

  /** Stores bytes as a blob; returns its digest. */
  async writeBlob(
    bytes: Buffer | string,
  ): Promise<{ digest: string; size: number }> {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
    const digest = sha256Digest(buf);
    const file = this.blobPath(digest);
    if (!(await this.hasBlob(digest, buf.length))) {
      const tmp = `${file}.${process.pid}.${crypto
        .randomBytes(4)
        .toString('hex')}.tmp`;
      await fsp.writeFile(tmp, buf);
      await fsp.rename(tmp, file);
    }
    return { digest, size: buf.length };
  }

  /** Streams a blob in, verifying its digest before it becomes visible. */
  async writeBlobStream(expected: Descriptor, stream: Readable): Promise<void> {
    const file = this.blobPath(expected.digest);
    const tmp = `${file}.${process.pid}.${crypto
      .randomBytes(4)
      .toString('hex')}.tmp`;
    const received = digesting();
    try {
      await pipeline(stream, received.stage, fs.createWriteStream(tmp));
      const { digest, size } = received.result();
      if (digest !== expected.digest || size !== expected.size) {
        throw new Error(
          `blob ${expected.digest} arrived as ${digest} (${size} bytes)`,
        );
      }
      await fsp.rename(tmp, file);
    } finally {
      await fsp.rm(tmp, { force: true });
    }
  }

  /** Moves a file whose digest is known into the blob store. */
  async adoptFile(file: string, digest: string): Promise<void> {
    const target = this.blobPath(digest);
    if (await this.hasBlob(digest)) {
      await fsp.rm(file, { force: true });
      return;
    }
    await fsp.rename(file, target);
  }

  /** Names a manifest in index.json (replacing an entry of the same name). */
  async tag(desc: Descriptor, refName: string): Promise<void> {
    const index = await this.index();
    index.manifests = index.manifests.filter(
      m => m.annotations?.[REF_NAME] !== refName,
    );
    index.manifests.push({
      mediaType: desc.mediaType,
      digest: desc.digest,
      size: desc.size,
      ...(desc.platform ? { platform: desc.platform } : {}),
      annotations: { ...desc.annotations, [REF_NAME]: refName },
    });
    await fsp.writeFile(
      path.join(this.dir, 'index.json'),
      JSON.stringify(index),
    );
  }
}
