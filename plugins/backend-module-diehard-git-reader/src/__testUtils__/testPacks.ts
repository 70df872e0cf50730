import crypto from 'node:crypto';
import zlib from 'node:zlib';

/**
 * Packs built byte by byte for the tests: what a git server (or a push to it) can
 * hold, including what git itself would not write.
 */

/** Pack entry types. */
export const COMMIT = 1;
export const TREE = 2;
export const BLOB = 3;
export const OFS_DELTA = 6;

/** A git object's id: the SHA-1 of its header and content. */
export function objectId(type: 'blob' | 'tree' | 'commit', content: Buffer) {
  return crypto
    .createHash('sha1')
    .update(`${type} ${content.length}\0`)
    .update(content)
    .digest('hex');
}

/** A tree of files (mode 100644): name → blob id. */
export function treeOf(files: Record<string, string>): Buffer {
  return Buffer.concat(
    Object.keys(files)
      .sort()
      .map(name =>
        Buffer.concat([
          Buffer.from(`100644 ${name}\0`),
          Buffer.from(files[name], 'hex'),
        ]),
      ),
  );
}

export function commitOf(tree: string): Buffer {
  const who = 'Diehard Lab <lab@example.com> 1700000000 +0000';
  return Buffer.from(`tree ${tree}\nauthor ${who}\ncommitter ${who}\n\nbomb\n`);
}

/** A base-128 number, little end first, as a delta's sizes are written. */
function deltaVarint(n: number): Buffer {
  const bytes: number[] = [];
  let rest = n;
  do {
    const low = rest % 128;
    rest = Math.floor(rest / 128);
    bytes.push(rest > 0 ? low | 0x80 : low);
  } while (rest > 0);
  return Buffer.from(bytes);
}

/**
 * A delta rebuilding `copies` times the whole of a base of `baseSize` bytes
 * (at most 16 MiB): a few bytes per copy, whatever it rebuilds.
 */
export function copyDelta(baseSize: number, copies: number): Buffer {
  const op = Buffer.from([
    0x80 | 0x10 | 0x20 | 0x40, // copy, offset 0, three size bytes
    baseSize & 0xff,
    (baseSize >> 8) & 0xff,
    (baseSize >> 16) & 0xff,
  ]);
  return Buffer.concat([
    deltaVarint(baseSize),
    deltaVarint(baseSize * copies),
    ...Array.from({ length: copies }, () => op),
  ]);
}

export interface Entry {
  type: number;
  /** The size the entry declares; its data's length unless told. */
  size?: number;
  /** The data, deflated unless `deflated` is given. */
  data: Buffer;
  /** The zlib stream as is, for an entry that lies about its size. */
  deflated?: Buffer;
  /** An ofs-delta's base: the index of an earlier entry, or a byte offset back. */
  base?: number;
  baseDistance?: number;
}

function entryHeader(type: number, size: number): Buffer {
  const bytes: number[] = [];
  let rest = Math.floor(size / 16);
  bytes.push((rest > 0 ? 0x80 : 0) | (type << 4) | size % 16);
  while (rest > 0) {
    const low = rest % 128;
    rest = Math.floor(rest / 128);
    bytes.push(rest > 0 ? low | 0x80 : low);
  }
  return Buffer.from(bytes);
}

/** git's encoding of an ofs-delta's distance back to its base. */
function ofsDistance(distance: number): Buffer {
  let rest = distance;
  const bytes = [rest & 0x7f];
  rest = Math.floor(rest / 128);
  while (rest > 0) {
    rest -= 1;
    bytes.unshift(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  return Buffer.from(bytes);
}

/** A version 2 pack of the entries, with its checksum. */
export function packOf(entries: Entry[], count = entries.length): Buffer {
  const header = Buffer.alloc(12);
  header.write('PACK', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(count, 8);
  const parts: Buffer[] = [header];
  const starts: number[] = [];
  let at = 12;
  for (const e of entries) {
    starts.push(at);
    const head = [entryHeader(e.type, e.size ?? e.data.length)];
    if (e.type === OFS_DELTA) {
      head.push(ofsDistance(e.baseDistance ?? at - starts[e.base ?? 0]));
    }
    const part = Buffer.concat([
      ...head,
      e.deflated ?? zlib.deflateSync(e.data),
    ]);
    parts.push(part);
    at += part.length;
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, crypto.createHash('sha1').update(body).digest()]);
}

function pktLine(payload: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from((payload.length + 4).toString(16).padStart(4, '0')),
    payload,
  ]);
}

/** An upload-pack answer carrying the pack on side-band 1, as git http-backend sends it. */
export function uploadPackResponse(
  pack: Buffer,
  options: { serverError?: string } = {},
): Buffer {
  const lines = [pktLine(Buffer.from('NAK\n'))];
  lines.push(pktLine(Buffer.from('\x02Enumerating objects: 3, done.\n')));
  for (let at = 0; at < pack.length; at += 65515) {
    lines.push(
      pktLine(Buffer.concat([Buffer.from([1]), pack.subarray(at, at + 65515)])),
    );
  }
  if (options.serverError) {
    lines.push(pktLine(Buffer.from(`\x03${options.serverError}`)));
  }
  lines.push(Buffer.from('0000'));
  return Buffer.concat(lines);
}
