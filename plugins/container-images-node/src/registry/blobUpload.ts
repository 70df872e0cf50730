import { Readable } from 'node:stream';
import { HttpResponse } from './http';
import { RegistryClient, pushScope } from './RegistryClient';
import { RegistryServerError, registryError } from './RegistryError';
import { backoff, isTransient, isTransientStatus } from './retry';

/** A blob we can read any byte range of (a file in an OCI layout). */
export interface BlobSource {
  digest: string;
  size: number;
  /** Bytes `start` to `end` inclusive. */
  open(start: number, end: number): Readable;
}

export interface BlobUploadResult {
  digest: string;
  outcome: 'exists' | 'mounted' | 'uploaded';
  /** Attempts that failed and were retried. */
  retries: number;
}

export interface BlobUploadOptions {
  /** Repositories of the same registry that may hold the blob (cross-repo mount). */
  mountFrom?: string[];
}

/** `Range: 0-1023` → 1024 bytes received; "0-0" is read as nothing received. */
function receivedBytes(res: HttpResponse): number {
  const m = /^(?:bytes=)?0-(\d+)$/.exec(String(res.headers.range ?? ''));
  if (!m) return 0;
  const end = Number(m[1]);
  return end === 0 ? 0 : end + 1;
}

function withDigest(location: string, digest: string): string {
  return `${location}${
    location.includes('?') ? '&' : '?'
  }digest=${encodeURIComponent(digest)}`;
}

function locationOf(
  client: RegistryClient,
  res: HttpResponse,
  base: string,
): string {
  const loc = res.headers.location;
  if (!loc)
    throw new Error(
      `registry "${client.endpoint.name}" gave no upload location`,
    );
  return new URL(loc, client.url(base)).toString();
}

/** The upload session was lost (registry restarted, state mismatch): start over. */
class SessionLost extends Error {
  readonly transient = true;
}

/**
 * Puts one blob into a repository: nothing when it is already there (HEAD), a
 * cross-repository mount when a sibling repository has it, else a chunked upload
 * (POST, PATCH with Content-Range per chunk, PUT ?digest=) that resumes where the
 * registry says it stopped after a transient failure.
 */
export async function uploadBlob(
  client: RegistryClient,
  repository: string,
  blob: BlobSource,
  options: BlobUploadOptions = {},
): Promise<BlobUploadResult> {
  const scope = pushScope(repository);
  const uploads = `/v2/${repository}/blobs/uploads/`;

  if ((await client.blobSize(repository, blob.digest)) === blob.size) {
    return { digest: blob.digest, outcome: 'exists', retries: 0 };
  }

  let location: string | undefined;
  for (const from of options.mountFrom ?? []) {
    if (from === repository) continue;
    const res = await client.sendIdempotent({
      method: 'POST',
      url: `${uploads}?mount=${encodeURIComponent(
        blob.digest,
      )}&from=${encodeURIComponent(from)}`,
      scope: `${scope} repository:${from}:pull`,
    });
    if (res.status === 201)
      return { digest: blob.digest, outcome: 'mounted', retries: 0 };
    if (res.status === 202) {
      // Not mountable: the registry opened an ordinary upload session instead.
      location = locationOf(client, res, uploads);
      break;
    }
  }

  let offset = 0;
  let failures = 0;
  let resume = false;
  for (;;) {
    try {
      if (resume) {
        resume = false;
        // Maybe the last PUT landed and only its answer was lost.
        if ((await client.blobSize(repository, blob.digest)) === blob.size) {
          return {
            digest: blob.digest,
            outcome: 'uploaded',
            retries: failures,
          };
        }
        if (location) {
          const status = await client.send({
            method: 'GET',
            url: location,
            scope,
          });
          if (status.status === 204) {
            offset = receivedBytes(status);
            location = locationOf(client, status, location);
          } else if (isTransientStatus(status.status)) {
            throw registryError('upload status', status);
          } else {
            location = undefined; // unknown or cancelled upload: start again
          }
        }
      }
      if (!location) {
        offset = 0;
        const start = await client.send({
          method: 'POST',
          url: uploads,
          scope,
        });
        if (start.status !== 202)
          throw registryError(`start upload to ${repository}`, start);
        location = locationOf(client, start, uploads);
      }
      while (offset < blob.size) {
        const from = offset;
        const end = Math.min(blob.size, from + client.chunkSize) - 1;
        const res = await client.send({
          method: 'PATCH',
          url: location,
          scope,
          headers: {
            'Content-Type': 'application/octet-stream',
            'Content-Range': `${from}-${end}`,
            'Content-Length': String(end - from + 1),
          },
          body: () => blob.open(from, end),
        });
        if (res.status === 416 || res.status === 404) {
          location = undefined;
          throw new SessionLost(`upload session lost (${res.status})`);
        }
        if (res.status !== 202)
          throw registryError(`upload ${blob.digest} to ${repository}`, res);
        location = locationOf(client, res, location);
        offset = end + 1;
      }
      const put = await client.send({
        method: 'PUT',
        url: withDigest(location, blob.digest),
        scope,
      });
      if (put.status === 404 || put.status === 416) {
        location = undefined;
        throw new SessionLost(`upload session lost at commit (${put.status})`);
      }
      if (put.status !== 201)
        throw registryError(`commit ${blob.digest} to ${repository}`, put);
      return { digest: blob.digest, outcome: 'uploaded', retries: failures };
    } catch (e) {
      const transient =
        isTransient(e) || (e instanceof RegistryServerError && e.transient);
      if (!transient || failures >= client.retry.retries) throw e;
      client.retrying({
        what: 'blob-upload',
        digest: blob.digest,
        offset,
        attempt: failures + 1,
        error: (e as Error).message,
      });
      await backoff(client.retry, failures);
      failures++;
      resume = true;
    }
  }
}
