import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { gzipLayer } from './layerBuilder';

const sha256 = (data: Buffer) =>
  `sha256:${crypto.createHash('sha256').update(data).digest('hex')}`;

describe('gzipLayer', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  it('the blob is the gzipped tar, named by its digest and size, with the tar as diff_id', async () => {
    const tar = crypto.randomBytes(300_000);
    const layer = await gzipLayer(Readable.from([tar]), dir.path);
    const blob = fs.readFileSync(layer.file);
    expect(path.dirname(layer.file)).toBe(dir.path);
    expect(layer.digest).toBe(sha256(blob));
    expect(layer.size).toBe(blob.length);
    expect(layer.diffId).toBe(sha256(tar));
    expect(zlib.gunzipSync(blob).equals(tar)).toBe(true);
  });
});
