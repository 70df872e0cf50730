import zlib from 'node:zlib';

/** What a fetched pack may unpack to before isomorphic-git indexes it. */
export interface PackBounds {
  /** Bytes of one object once inflated: a file, a tree, or the object a delta rebuilds. */
  maxObjectBytes: number;
  /** Bytes the whole pack inflates to, with the objects its deltas rebuild. */
  maxUnpackedBytes: number;
  /** Objects in the pack. */
  maxObjects: number;
}

/** The pack crosses one of its bounds. */
export class PackTooLarge extends Error {
  constructor(readonly bound: keyof PackBounds) {
    super(`the pack crosses ${bound}`);
    this.name = 'PackTooLarge';
  }
}

/** The answer of the server is no well-formed upload-pack response. */
export class MalformedPack extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedPack';
  }
}

/** The server ended its answer with an error (side-band 3), quoted. */
export class ServerFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerFailed';
  }
}

/** What the check saw of an accepted pack. */
export interface PackSummary {
  objects: number;
  /** Bytes inflated, plus the objects the deltas rebuild. */
  unpackedBytes: number;
}

/** Objects up to this size are inflated at once; larger ones streamed, never held. */
const WHOLE_INFLATE_BYTES = 1024 * 1024;
/** Synchronous work between two turns of the event loop. */
const SLICE_MS = 10;

/**
 * Checks the answer of a `git-upload-pack` POST (pkt-lines, the pack on side-band 1)
 * before isomorphic-git indexes its pack: isomorphic-git inflates every object fully
 * in memory, trusting the sizes it is told, and rebuilds every delta. Walks the pack
 * entry by entry, inflating each zlib stream only to learn where it ends and that it
 * inflates to its declared size, holding at most 1 MiB of any object; throws a
 * {@link PackTooLarge} as soon as a bound is crossed (a declared size is refused
 * before anything is inflated), a {@link MalformedPack} when the pack is not one git
 * writes (isomorphic-git would trust it anyway), a {@link ServerFailed} when the server
 * ended with an error (isomorphic-git would index what came before).
 *
 * Memory: a copy of the pack, and at most 1 MiB more; time: linear in the response
 * and in the bytes inflated, which `maxUnpackedBytes` bounds.
 */
export async function checkUploadPackResponse(
  response: Buffer,
  bounds: PackBounds,
  signal?: AbortSignal,
): Promise<PackSummary> {
  const pack = packOf(response);
  if (pack.length === 0) return { objects: 0, unpackedBytes: 0 };
  return checkPack(pack, bounds, signal);
}

/**
 * The side-band 1 data of the response, as isomorphic-git demultiplexes it: flush
 * and delimiter packets skipped, lines starting with 2 (progress) and other lines
 * (shallow, ACK, NAK) ignored, 3 an error that ends the answer.
 */
function packOf(response: Buffer): Buffer {
  const data: Buffer[] = [];
  let at = 0;
  while (at < response.length) {
    const hex = response.toString('latin1', at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
      throw new MalformedPack(`no pkt-line length at byte ${at}`);
    }
    const length = parseInt(hex, 16);
    at += 4;
    if (length === 0 || length === 1) continue;
    if (length < 4 || at + length - 4 > response.length) {
      throw new MalformedPack(`a pkt-line cut short at byte ${at - 4}`);
    }
    const line = response.subarray(at, at + length - 4);
    at += length - 4;
    if (line[0] === 1) data.push(line.subarray(1));
    else if (line[0] === 3) {
      throw new ServerFailed(line.subarray(1).toString('utf8').trim());
    }
  }
  return Buffer.concat(data);
}

async function checkPack(
  pack: Buffer,
  bounds: PackBounds,
  signal?: AbortSignal,
): Promise<PackSummary> {
  const { maxObjectBytes, maxUnpackedBytes, maxObjects } = bounds;
  if (
    pack.length < 32 ||
    pack.toString('latin1', 0, 4) !== 'PACK' ||
    pack.readUInt32BE(4) !== 2
  ) {
    throw new MalformedPack('no version 2 pack header');
  }
  const count = pack.readUInt32BE(8);
  if (count > maxObjects) throw new PackTooLarge('maxObjects');
  const end = pack.length - 20; // the trailer: the pack's checksum
  /** Where each entry starts: an ofs-delta's base must be one. */
  const starts = new Set<number>();
  let unpacked = 0;
  let at = 12;
  let slice = Date.now();
  for (let n = 0; n < count; n++) {
    if (Date.now() - slice > SLICE_MS) {
      await new Promise(resolve => setImmediate(resolve));
      slice = Date.now();
    }
    signal?.throwIfAborted();
    if (at >= end) throw new MalformedPack(`${count - n} objects missing`);
    const start = at;
    starts.add(start);
    // Type in bits 6-4, size in base-128 groups after the low 4 bits.
    let byte = pack[at++];
    const type = (byte >> 4) & 7;
    let size = byte & 15;
    for (let shift = 4; byte & 0x80; shift += 7) {
      if (at >= end || shift > 49) {
        throw new MalformedPack(`bad entry header at byte ${start}`);
      }
      byte = pack[at++];
      size += (byte & 0x7f) * 2 ** shift;
    }
    const delta = type === 6 || type === 7;
    if (type === 6) {
      // The base's distance back, in git's offset encoding.
      byte = pack[at++];
      let distance = byte & 0x7f;
      while (byte & 0x80) {
        if (at >= end || distance > start) break;
        byte = pack[at++];
        distance = (distance + 1) * 128 + (byte & 0x7f);
      }
      if (!starts.has(start - distance) || distance === 0) {
        throw new MalformedPack(`a delta at byte ${start} has no base`);
      }
    } else if (type === 7) {
      at += 20; // the base's object id: in this pack, or isomorphic-git skips it
    } else if (type < 1 || type > 4) {
      throw new MalformedPack(`unknown entry type ${type} at byte ${start}`);
    }
    if (at >= end) throw new MalformedPack(`entry cut short at byte ${start}`);

    if (size > maxObjectBytes) throw new PackTooLarge('maxObjectBytes');
    unpacked += size;
    if (unpacked > maxUnpackedBytes) throw new PackTooLarge('maxUnpackedBytes');
    const { used, head } =
      size <= WHOLE_INFLATE_BYTES
        ? inflateWhole(pack.subarray(at, end), size, start)
        : await inflateStreamed(pack.subarray(at, end), size, start);
    at += used;

    if (delta) {
      // A delta starts with its base's size and the size of what it rebuilds.
      const base = varint(head, 0);
      const target = base && varint(head, base[1]);
      if (!target)
        throw new MalformedPack(`a delta cut short at byte ${start}`);
      if (target[0] > maxObjectBytes) throw new PackTooLarge('maxObjectBytes');
      unpacked += target[0];
      if (unpacked > maxUnpackedBytes) {
        throw new PackTooLarge('maxUnpackedBytes');
      }
    }
  }
  if (at !== end) throw new MalformedPack('bytes after the last object');
  return { objects: count, unpackedBytes: unpacked };
}

/** The start of an object's data once inflated: what a delta's sizes take. */
const HEAD_BYTES = 32;

/**
 * Inflates the zlib stream at the start of `input`, which must inflate to `size`
 * bytes; never more than that is produced.
 */
function inflateWhole(input: Buffer, size: number, start: number) {
  let result: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    result = zlib.inflateSync(input, {
      info: true,
      maxOutputLength: Math.max(size, 1),
    }) as unknown as typeof result;
  } catch (e) {
    throw inflateError(e, size, start);
  }
  if (result.buffer.length !== size) {
    throw new MalformedPack(
      `the object at byte ${start} inflates to ${result.buffer.length} bytes, not the ${size} it declares`,
    );
  }
  return {
    used: result.engine.bytesWritten,
    head: result.buffer.subarray(0, HEAD_BYTES),
  };
}

/** As inflateWhole, through a stream whose output is counted and dropped. */
function inflateStreamed(
  input: Buffer,
  size: number,
  start: number,
): Promise<{ used: number; head: Buffer }> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflate({ chunkSize: 64 * 1024 });
    let produced = 0;
    let head = Buffer.alloc(0);
    inflate.on('data', (chunk: Buffer) => {
      if (head.length < HEAD_BYTES) {
        head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES)]);
      }
      produced += chunk.length;
      if (produced > size) {
        inflate.destroy();
        reject(inflateError({ code: 'ERR_BUFFER_TOO_LARGE' }, size, start));
      }
    });
    inflate.on('end', () => {
      if (produced !== size) {
        reject(
          new MalformedPack(
            `the object at byte ${start} inflates to ${produced} bytes, not the ${size} it declares`,
          ),
        );
      } else resolve({ used: inflate.bytesWritten, head });
    });
    inflate.on('error', e => reject(inflateError(e, size, start)));
    inflate.end(input);
  });
}

function inflateError(e: unknown, size: number, start: number) {
  const code = (e as { code?: string }).code;
  if (code === 'ERR_BUFFER_TOO_LARGE') {
    return new MalformedPack(
      `the object at byte ${start} inflates to more than the ${size} bytes it declares`,
    );
  }
  return new MalformedPack(
    `the object at byte ${start} does not inflate (${code ?? 'error'})`,
  );
}

/** A little-endian base-128 number, as a delta's sizes are written. */
function varint(buffer: Buffer, at: number): [number, number] | undefined {
  let value = 0;
  for (let i = at, shift = 0; i < buffer.length && shift <= 49; shift += 7) {
    const b = buffer[i++];
    value += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) return [value, i];
  }
  return undefined;
}
