import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

/** What is read of an object to learn its size: its header, never its content. */
const HEAD_BYTES = 1024;
/** Enough for any zlib header and the start of a delta, however it is coded. */
const MAX_HEAD_BYTES = 64 * 1024;

interface Pack {
  idx: Buffer;
  count: number;
  file: fsp.FileHandle;
}

/**
 * The sizes of the objects of a repository fetched by isomorphic-git, as
 * `git cat-file -s` gives them, read from the headers of its packs (or of a loose
 * object) without inflating any content: isomorphic-git has no call for it, and
 * `readBlob` would read the whole blob into memory. Close it when done.
 */
export class ObjectSizes {
  static async open(gitdir: string): Promise<ObjectSizes> {
    const dir = path.join(gitdir, 'objects', 'pack');
    const names = (await fsp.readdir(dir).catch(() => [] as string[])).filter(
      n => n.endsWith('.idx'),
    );
    const packs: Pack[] = [];
    try {
      for (const name of names) {
        const idx = await fsp.readFile(path.join(dir, name));
        if (idx.readUInt32BE(0) !== 0xff744f63 || idx.readUInt32BE(4) !== 2) {
          throw new Error(`unsupported pack index ${name}`);
        }
        const file = await fsp.open(
          path.join(dir, name.replace(/\.idx$/, '.pack')),
        );
        packs.push({ idx, count: idx.readUInt32BE(8 + 255 * 4), file });
      }
    } catch (e) {
      await Promise.all(packs.map(p => p.file.close()));
      throw e;
    }
    return new ObjectSizes(gitdir, packs);
  }

  private constructor(
    private readonly gitdir: string,
    private readonly packs: Pack[],
  ) {}

  async sizeOf(oid: string): Promise<number> {
    const want = Buffer.from(oid, 'hex');
    for (const pack of this.packs) {
      const offset = packOffset(pack, want);
      if (offset !== undefined) return packedSize(pack.file, offset);
    }
    return looseSize(
      path.join(this.gitdir, 'objects', oid.slice(0, 2), oid.slice(2)),
    );
  }

  async close() {
    await Promise.all(this.packs.map(p => p.file.close()));
  }
}

/** The object's offset in the pack, from the fan-out and sorted names of its v2 index. */
function packOffset(pack: Pack, want: Buffer): number | undefined {
  const { idx, count } = pack;
  const names = 8 + 256 * 4;
  let lo = want[0] === 0 ? 0 : idx.readUInt32BE(8 + (want[0] - 1) * 4);
  let hi = idx.readUInt32BE(8 + want[0] * 4);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const cmp = idx.compare(
      want,
      0,
      20,
      names + mid * 20,
      names + mid * 20 + 20,
    );
    if (cmp === 0) {
      const small = idx.readUInt32BE(names + count * 24 + mid * 4);
      if (!(small & 0x80000000)) return small;
      const large = names + count * 28 + (small & 0x7fffffff) * 8;
      return Number(idx.readBigUInt64BE(large));
    }
    if (cmp > 0) hi = mid;
    else lo = mid + 1;
  }
  return undefined;
}

/** Reads the start of an entry; more when a zlib stream needs it. */
async function head(file: fsp.FileHandle, position: number, length: number) {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * The first bytes `bytes` of a zlib stream inflate to (at least `want` of them when
 * they hold that many), in small chunks: a delta's start, never all of it.
 */
function inflateStart(bytes: Buffer, want = 64): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflate({
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
      chunkSize: 1024,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= want) {
        inflate.destroy();
        resolve(Buffer.concat(chunks));
      }
    });
    inflate.on('end', () => resolve(Buffer.concat(chunks)));
    inflate.on('error', reject);
    inflate.end(bytes);
  });
}

/** A little-endian base-128 number, as a delta's sizes are written. */
function varint(buffer: Buffer, at: number): [number, number] | undefined {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    if (i >= buffer.length) return undefined;
    const b = buffer[i++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, i];
  }
}

/**
 * The size of the object at `offset`: its entry's header gives it, or for a delta,
 * the result size at the start of the delta's data.
 */
async function packedSize(
  file: fsp.FileHandle,
  offset: number,
): Promise<number> {
  for (let length = HEAD_BYTES; ; length = MAX_HEAD_BYTES) {
    const buffer = await head(file, offset, length);
    let i = 0;
    let b = buffer[i++];
    const type = (b >> 4) & 7;
    let size = b & 15;
    let shift = 4;
    while (b & 0x80) {
      b = buffer[i++];
      size += (b & 0x7f) * 2 ** shift;
      shift += 7;
    }
    if (type >= 1 && type <= 4) return size;
    if (type === 6) {
      // OFS_DELTA: the base's negative offset, base-128
      do b = buffer[i++];
      while (b & 0x80);
    } else if (type === 7) {
      i += 20; // REF_DELTA: the base's name
    } else {
      throw new Error(`unknown pack entry type ${type}`);
    }
    const data = await inflateStart(buffer.subarray(i));
    const base = varint(data, 0);
    const result = base && varint(data, base[1]);
    if (result) return result[0];
    if (length === MAX_HEAD_BYTES || buffer.length < length) {
      throw new Error('truncated delta in pack');
    }
  }
}

/** A loose object starts with "<type> <size>\0" once inflated. */
async function looseSize(file: string): Promise<number> {
  const handle = await fsp.open(file);
  try {
    const data = await inflateStart(await head(handle, 0, HEAD_BYTES));
    const m = /^[a-z]+ (\d+)\0/.exec(data.subarray(0, 32).toString('latin1'));
    if (!m) throw new Error('unreadable loose object header');
    return Number(m[1]);
  } finally {
    await handle.close();
  }
}
