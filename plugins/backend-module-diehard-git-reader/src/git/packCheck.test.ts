import zlib from 'node:zlib';
import {
  checkUploadPackResponse,
  MalformedPack,
  PackBounds,
  PackTooLarge,
  ServerFailed,
} from './packCheck';
import {
  BLOB,
  COMMIT,
  commitOf,
  copyDelta,
  Entry,
  objectId,
  OFS_DELTA,
  packOf,
  TREE,
  treeOf,
  uploadPackResponse,
} from '../__testUtils__/testPacks';

const MiB = 1024 * 1024;
const BOUNDS: PackBounds = {
  maxObjectBytes: 8 * MiB,
  maxUnpackedBytes: 16 * MiB,
  maxObjects: 100,
};

const check = (entries: Entry[], bounds = BOUNDS, count?: number) =>
  checkUploadPackResponse(uploadPackResponse(packOf(entries, count)), bounds);

async function refusal(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a refusal, the pack was accepted');
}

/** A commit, its tree of one file, and a second file as a delta of the first. */
function ordinary(): Entry[] {
  const file = Buffer.from('kind: Deployment\n'.repeat(100));
  const tree = treeOf({ 'a.yaml': objectId('blob', file) });
  return [
    { type: COMMIT, data: commitOf(objectId('tree', tree)) },
    { type: TREE, data: tree },
    { type: BLOB, data: file },
    { type: OFS_DELTA, data: copyDelta(file.length, 2), base: 2 },
  ];
}

describe('checkUploadPackResponse', () => {
  it('accepts a pack as git writes it, counting what its deltas rebuild', async () => {
    const entries = ordinary();
    const inflated = entries.reduce((n, e) => n + e.data.length, 0);
    await expect(check(entries)).resolves.toEqual({
      objects: 4,
      unpackedBytes: inflated + 2 * 1700,
    });
    // An empty answer (nothing to send) and an empty pack.
    await expect(
      checkUploadPackResponse(Buffer.from('0008NAK\n0000'), BOUNDS),
    ).resolves.toEqual({ objects: 0, unpackedBytes: 0 });
    await expect(check([])).resolves.toEqual({ objects: 0, unpackedBytes: 0 });
  });

  it('refuses a declared size past the bound of one object without inflating it', async () => {
    // Not even zlib: it is refused on its header.
    const error = await refusal(
      check([{ type: BLOB, size: 9 * MiB, data: Buffer.alloc(0) }]),
    );
    expect(error).toBeInstanceOf(PackTooLarge);
    expect(error).toMatchObject({ bound: 'maxObjectBytes' });
  });

  it('refuses an object that inflates to more than it declares, producing no more than that', async () => {
    const zeros = zlib.deflateSync(Buffer.alloc(64 * MiB));
    for (const size of [1000, 2 * MiB]) {
      const before = process.memoryUsage().arrayBuffers;
      const started = Date.now();
      const error = await refusal(
        check([{ type: BLOB, size, data: Buffer.alloc(0), deflated: zeros }], {
          ...BOUNDS,
          maxObjectBytes: 128 * MiB,
          maxUnpackedBytes: 1024 * MiB,
        }),
      );
      expect(error).toBeInstanceOf(MalformedPack);
      expect(error.message).toBe(
        `the object at byte 12 inflates to more than the ${size} bytes it declares`,
      );
      expect(Date.now() - started).toBeLessThan(2000);
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * MiB);
    }
  });

  it('refuses a delta rebuilding more than the bound of one object from a small base', async () => {
    const base = Buffer.alloc(1 * MiB);
    const error = await refusal(
      check([
        { type: BLOB, data: base },
        { type: OFS_DELTA, data: copyDelta(base.length, 9), base: 0 },
      ]),
    );
    expect(error).toMatchObject({ bound: 'maxObjectBytes' });
  });

  it('refuses objects past the bound of the pack in all, and more objects than its bound', async () => {
    const blobs = Array.from({ length: 5 }, (_, i) => ({
      type: BLOB,
      data: Buffer.alloc(4 * MiB, i),
    }));
    expect(await refusal(check(blobs))).toMatchObject({
      bound: 'maxUnpackedBytes',
    });
    // Deltas count what they rebuild: 2 MiB of base, 8 × 2 MiB rebuilt.
    const deltas: Entry[] = [{ type: BLOB, data: Buffer.alloc(2 * MiB) }];
    for (let i = 0; i < 8; i++) {
      deltas.push({ type: OFS_DELTA, data: copyDelta(2 * MiB, 1), base: 0 });
    }
    expect(await refusal(check(deltas))).toMatchObject({
      bound: 'maxUnpackedBytes',
    });

    // The header's count is enough.
    expect(
      await refusal(check(ordinary(), { ...BOUNDS, maxObjects: 3 })),
    ).toMatchObject({ bound: 'maxObjects' });
    expect(await refusal(check(ordinary(), BOUNDS, 1_000_000))).toMatchObject({
      bound: 'maxObjects',
    });
  });

  it('refuses what git does not write, which isomorphic-git would trust', async () => {
    const malformed = async (p: Promise<unknown>) => {
      const error = await refusal(p);
      expect(error).toBeInstanceOf(MalformedPack);
      return error.message;
    };
    // A delta whose base is inside another entry (its deflated bytes).
    expect(
      await malformed(
        check([
          { type: BLOB, data: Buffer.from('x'.repeat(100)) },
          { type: OFS_DELTA, data: copyDelta(100, 1), baseDistance: 5 },
        ]),
      ),
    ).toMatch(/^a delta at byte \d+ has no base$/);
    expect(await malformed(check(ordinary(), BOUNDS, 5))).toBe(
      '1 objects missing',
    );
    expect(await malformed(check(ordinary(), BOUNDS, 3))).toBe(
      'bytes after the last object',
    );
    const cut = uploadPackResponse(packOf(ordinary()));
    expect(
      await malformed(
        checkUploadPackResponse(cut.subarray(0, cut.length - 100), BOUNDS),
      ),
    ).toMatch(/^a pkt-line cut short/);
    expect(
      await malformed(
        check([{ type: 5, data: Buffer.from('?') }, ...ordinary()]),
      ),
    ).toBe('unknown entry type 5 at byte 12');
    expect(
      await malformed(
        check([
          { type: BLOB, size: 10, data: Buffer.from('short') },
          ...ordinary(),
        ]),
      ),
    ).toBe('the object at byte 12 inflates to 5 bytes, not the 10 it declares');
  });

  it('refuses an answer the server ended with an error, quoting it', async () => {
    const response = uploadPackResponse(packOf(ordinary()), {
      serverError: 'fatal: the remote end hung up\n',
    });
    const error = await refusal(checkUploadPackResponse(response, BOUNDS));
    expect(error).toBeInstanceOf(ServerFailed);
    expect(error.message).toBe('fatal: the remote end hung up');
  });

  it('stops with the reason of an aborted signal', async () => {
    const signal = AbortSignal.abort(new Error('over budget'));
    await expect(
      checkUploadPackResponse(
        uploadPackResponse(packOf(ordinary())),
        BOUNDS,
        signal,
      ),
    ).rejects.toThrow('over budget');
  });
});
