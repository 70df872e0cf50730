import crypto from 'node:crypto';
import fs from 'node:fs';
import { InputError } from '@backstage/errors';

const DIGEST = /^sha256:[a-f0-9]{64}$/;

/** @public */
export function isDigest(value: string): boolean {
  return DIGEST.test(value);
}

export function assertDigest(value: string): string {
  if (!isDigest(value)) {
    throw new InputError(`"${value}" is not a sha256 digest`);
  }
  return value;
}

/** @public */
export function sha256Digest(data: Buffer | string): string {
  return `sha256:${crypto.createHash('sha256').update(data).digest('hex')}`;
}

/** Streams a file through sha256. */
export async function fileDigest(
  file: string,
): Promise<{ digest: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { digest: `sha256:${hash.digest('hex')}`, size };
}

/**
 * A pipeline stage passing bytes through while hashing them with sha256 and
 * counting them; `result()` once the pipeline has ended.
 */
export function digesting() {
  const hash = crypto.createHash('sha256');
  let size = 0;
  return {
    stage: async function* digestingStage(source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        size += chunk.length;
        yield chunk;
      }
    },
    result: () => ({ digest: `sha256:${hash.digest('hex')}`, size }),
  };
}
