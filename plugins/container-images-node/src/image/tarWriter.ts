/**
 * A deterministic tar writer (POSIX ustar, with a PAX header for names that do not
 * fit): fixed mtime, uid/gid 0, no user or group names, so the same files always
 * give the same bytes.
 */
export type TarEntryType = 'file' | 'directory' | 'symlink';

export interface TarEntry {
  /** Path inside the archive, relative, "/" separated, no leading "./". */
  name: string;
  type: TarEntryType;
  mode: number;
  /** Seconds since the epoch. */
  mtime: number;
  body?: Buffer;
  linkname?: string;
}

const BLOCK = 512;
const TYPEFLAGS: Record<TarEntryType, string> = {
  file: '0',
  directory: '5',
  symlink: '2',
};

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(fields: {
  name: string;
  mode: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname?: string;
  prefix?: string;
}): Buffer {
  const buf = Buffer.alloc(BLOCK, 0);
  buf.write(fields.name, 0, 100, 'utf8');
  buf.write(octal(fields.mode & 0o7777, 8), 100, 8, 'ascii');
  buf.write(octal(0, 8), 108, 8, 'ascii'); // uid
  buf.write(octal(0, 8), 116, 8, 'ascii'); // gid
  buf.write(octal(fields.size, 12), 124, 12, 'ascii');
  buf.write(octal(fields.mtime, 12), 136, 12, 'ascii');
  buf.write('        ', 148, 8, 'ascii'); // checksum placeholder
  buf.write(fields.typeflag, 156, 1, 'ascii');
  if (fields.linkname) buf.write(fields.linkname, 157, 100, 'utf8');
  buf.write('ustar\0', 257, 6, 'ascii');
  buf.write('00', 263, 2, 'ascii');
  buf.write(octal(0, 8), 329, 8, 'ascii'); // devmajor
  buf.write(octal(0, 8), 337, 8, 'ascii'); // devminor
  if (fields.prefix) buf.write(fields.prefix, 345, 155, 'utf8');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += buf[i];
  buf.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return buf;
}

function pad(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest, 0);
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) {
    len = String(len).length + Buffer.byteLength(body);
  }
  return `${len}${body}`;
}

function fits(name: string, max: number) {
  return Buffer.byteLength(name) <= max;
}

/** The blocks of one entry. */
export function tarEntry(entry: TarEntry): Buffer[] {
  const typeflag = TYPEFLAGS[entry.type];
  const name =
    entry.type === 'directory' && !entry.name.endsWith('/')
      ? `${entry.name}/`
      : entry.name;
  const size = entry.type === 'file' ? entry.body?.length ?? 0 : 0;
  const out: Buffer[] = [];
  const pax: string[] = [];
  let shortName = name;
  let prefix: string | undefined;
  if (!fits(name, 100)) {
    const cut = name.lastIndexOf('/', name.length - 2);
    if (
      cut > 0 &&
      fits(name.slice(0, cut), 155) &&
      fits(name.slice(cut + 1), 100)
    ) {
      prefix = name.slice(0, cut);
      shortName = name.slice(cut + 1);
    } else {
      pax.push(paxRecord('path', name));
      shortName = name.slice(0, 99);
    }
  }
  if (entry.linkname && !fits(entry.linkname, 100))
    pax.push(paxRecord('linkpath', entry.linkname));
  if (pax.length) {
    const body = Buffer.from(pax.join(''), 'utf8');
    out.push(
      header({
        name: 'PaxHeader',
        mode: 0o644,
        size: body.length,
        mtime: entry.mtime,
        typeflag: 'x',
      }),
    );
    out.push(body, pad(body.length));
  }
  out.push(
    header({
      name: shortName,
      prefix,
      mode: entry.mode,
      size,
      mtime: entry.mtime,
      typeflag,
      linkname: entry.linkname?.slice(0, 100),
    }),
  );
  if (size) out.push(entry.body!, pad(size));
  return out;
}

/** Two zero blocks end an archive. */
export function tarEnd(): Buffer {
  return Buffer.alloc(BLOCK * 2, 0);
}
