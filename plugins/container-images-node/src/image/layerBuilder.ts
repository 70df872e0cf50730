import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { InputError } from '@backstage/errors';
import { digesting } from '../registry/digest';
import { TarEntry, tarEnd, tarEntry } from './tarWriter';

/**
 * One workspace path copied to a path in the image.
 *
 * @public
 */
export interface LayerSource {
  /** Absolute path on disk (file or directory). */
  from: string;
  /** Absolute path in the image. */
  to: string;
}

/** @public */
export interface BuiltLayer {
  /** sha256 of the gzip blob. */
  digest: string;
  size: number;
  /** sha256 of the uncompressed tar (the config's rootfs.diff_ids). */
  diffId: string;
  /** The blob, written next to the layout's blobs (caller moves it in). */
  file: string;
}

function normalizedMode(mode: number, isDir: boolean) {
  if (isDir) return 0o755;
  return mode & 0o111 ? 0o755 : 0o644;
}

/** Lists `src` (sorted, depth first) as tar entries rooted at `to`. */
async function* entriesFor(
  src: LayerSource,
  mtime: number,
): AsyncGenerator<TarEntry> {
  if (!path.isAbsolute(src.to) || src.to.split('/').includes('..')) {
    throw new InputError(
      `image path "${src.to}" must be absolute and must not contain ".."`,
    );
  }
  const target = path.posix
    .normalize(src.to)
    .replace(/^\/+/, '')
    .replace(/(?<!\/)\/+$/, '');
  // Parent directories of the target, so extraction never depends on the base.
  const parts = target.split('/');
  for (let i = 1; i < parts.length; i++) {
    yield {
      name: parts.slice(0, i).join('/'),
      type: 'directory',
      mode: 0o755,
      mtime,
    };
  }
  const walk = async function* walkTree(
    abs: string,
    rel: string,
  ): AsyncGenerator<TarEntry> {
    const st = await fsp.lstat(abs);
    if (st.isSymbolicLink()) {
      yield {
        name: rel,
        type: 'symlink',
        mode: 0o777,
        mtime,
        linkname: await fsp.readlink(abs),
      };
    } else if (st.isDirectory()) {
      yield {
        name: rel,
        type: 'directory',
        mode: normalizedMode(st.mode, true),
        mtime,
      };
      const names = (await fsp.readdir(abs)).sort();
      for (const n of names) yield* walk(path.join(abs, n), `${rel}/${n}`);
    } else if (st.isFile()) {
      yield {
        name: rel,
        type: 'file',
        mode: normalizedMode(st.mode, false),
        mtime,
        body: await fsp.readFile(abs),
      };
    }
    // sockets, devices, fifos: not image content
  };
  yield* walk(src.from, target);
}

/**
 * Builds one reproducible layer: a tar with sorted entries, fixed mtimes and
 * owners, gzip without a timestamp. Same files → same digest.
 *
 * @public
 */
export async function buildLayer(
  sources: LayerSource[],
  options: { outDir: string; mtime?: number },
): Promise<BuiltLayer> {
  const mtime = options.mtime ?? 0;
  for (const s of sources) {
    if (!fs.existsSync(s.from))
      throw new InputError(`layer source ${s.from} does not exist`);
  }
  const tar = Readable.from(
    (async function* tarBlocks() {
      for (const s of sources) {
        for await (const e of entriesFor(s, mtime)) {
          yield* tarEntry(e);
        }
      }
      yield tarEnd();
    })(),
  );
  return gzipLayer(tar, options.outDir);
}

/**
 * Gzips an uncompressed tar stream into a layer blob in `outDir`, hashing the tar
 * (its diff_id) and the blob (its digest) on the way.
 *
 * @public
 */
export async function gzipLayer(
  tar: Readable,
  outDir: string,
): Promise<BuiltLayer> {
  const file = path.join(
    outDir,
    `layer-${crypto.randomBytes(6).toString('hex')}.tar.gz`,
  );
  const tarred = digesting();
  const gzipped = digesting();
  await pipeline(
    tar,
    tarred.stage,
    zlib.createGzip({ level: 6 }),
    gzipped.stage,
    fs.createWriteStream(file),
  );
  return { ...gzipped.result(), diffId: tarred.result().digest, file };
}
