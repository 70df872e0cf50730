import { Readable } from 'node:stream';
import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { RegistryAuth } from './auth';
import { sha256Digest } from './digest';
import {
  HttpBody,
  HttpResponse,
  HttpStreamResponse,
  HttpTransport,
} from './http';
import { MANIFEST_ACCEPT } from './mediaTypes';
import { registryError } from './RegistryError';
import {
  DEFAULT_RETRY,
  RetryPolicy,
  isTransientStatus,
  withRetries,
} from './retry';

/**
 * One registry as declared in `diehard.registries`.
 *
 * @public
 */
export interface RegistryEndpoint {
  name: string;
  /** `host[:port]` as written in image references. */
  host: string;
  username?: string;
  password?: string;
  /** PEM CA bundle the registry's certificate chains to. */
  ca?: string;
  /** Plain HTTP instead of HTTPS. */
  plainHttp?: boolean;
}

/** @public */
export interface RegistryClientOptions {
  retry?: RetryPolicy;
  /** Size of each PATCH of a chunked blob upload. */
  chunkSize?: number;
  /** Blobs uploaded in parallel. */
  concurrency?: number;
  logger?: LoggerService;
  /**
   * Told of each retry (a caller that words it itself, in its user's language); without
   * it the logger says it in English.
   */
  onRetry?: (retry: RegistryRetry) => void;
}

/** A failure the client tries again after. @public */
export interface RegistryRetry {
  /** A request sent again, or a blob's upload resumed from what the registry holds. */
  what: 'request' | 'blob-upload';
  /** The registry's name in `diehard.registries`. */
  registry: string;
  /** 1 for the first retry. */
  attempt: number;
  /** Why the last try failed. */
  error: string;
  /** The blob whose upload resumes. */
  digest?: string;
  /** Bytes of that blob the registry had when the upload broke. */
  offset?: number;
}

/** @public */
export interface SendOptions {
  method: string;
  /** Path under the registry root (`/v2/…`) or an absolute URL (upload locations). */
  url: string;
  /** Token scope, e.g. `repository:team/app:pull,push`. */
  scope: string;
  headers?: Record<string, string>;
  body?: HttpBody;
  timeoutMs?: number;
}

/** @public */
export interface ManifestResult {
  mediaType: string;
  digest: string;
  bytes: Buffer;
}

/** @public */
export const pullScope = (repo: string) => `repository:${repo}:pull`;
/** @public */
export const pushScope = (repo: string) => `repository:${repo}:pull,push`;

/**
 * A client for one registry speaking the OCI distribution API. Higher-level
 * operations (blob upload, image push and pull) live in their own files and use
 * `send`, which answers authentication challenges.
 *
 * @public
 */
export class RegistryClient {
  readonly transport: HttpTransport;
  readonly baseUrl: string;
  readonly retry: RetryPolicy;
  readonly chunkSize: number;
  readonly concurrency: number;
  readonly logger?: LoggerService;
  private readonly onRetry?: (retry: RegistryRetry) => void;
  private readonly auth: RegistryAuth;

  constructor(
    readonly endpoint: RegistryEndpoint,
    options: RegistryClientOptions = {},
  ) {
    this.transport = new HttpTransport({
      ca: endpoint.ca,
      plainHttp: endpoint.plainHttp,
    });
    this.baseUrl = `${this.transport.scheme}://${endpoint.host}`;
    this.auth = new RegistryAuth(
      endpoint.name,
      this.transport,
      endpoint.username !== undefined && endpoint.password !== undefined
        ? { username: endpoint.username, password: endpoint.password }
        : undefined,
    );
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.chunkSize = options.chunkSize ?? 64 * 1024 * 1024;
    this.concurrency = options.concurrency ?? 3;
    this.logger = options.logger;
    this.onRetry = options.onRetry;
  }

  /** Says that `retry` is about to happen, to `onRetry` or else the logger. */
  retrying(retry: Omit<RegistryRetry, 'registry'>) {
    const told = { registry: this.endpoint.name, ...retry };
    if (this.onRetry) this.onRetry(told);
    else if (retry.what === 'blob-upload')
      this.logger?.warn('blob upload interrupted, resuming', told);
    else this.logger?.warn('registry request failed, retrying', told);
  }

  close() {
    this.transport.close();
  }

  /** `host/repo@digest`: the pinned form of a pushed image. */
  pinned(repository: string, digest: string) {
    return `${this.endpoint.host}/${repository}@${digest}`;
  }

  url(pathOrUrl: string): string {
    return /^https?:\/\//.test(pathOrUrl)
      ? pathOrUrl
      : `${this.baseUrl}${pathOrUrl}`;
  }

  /** One request, answering a 401 challenge once. No retries here. */
  async send(options: SendOptions): Promise<HttpResponse> {
    const res = await this.sendStream(options);
    const chunks: Buffer[] = [];
    for await (const c of res.stream) chunks.push(c as Buffer);
    return {
      status: res.status,
      headers: res.headers,
      body: Buffer.concat(chunks),
    };
  }

  async sendStream(options: SendOptions): Promise<HttpStreamResponse> {
    for (let retried = false; ; retried = true) {
      const headers: Record<string, string> = { ...options.headers };
      const authorization = this.auth.header(options.scope);
      if (authorization) headers.Authorization = authorization;
      const res = await this.transport.requestStream({
        method: options.method,
        url: this.url(options.url),
        headers,
        body: options.body,
        timeoutMs: options.timeoutMs,
      });
      if (res.status !== 401) return res;
      res.stream.resume();
      await this.auth.challenge(
        res.headers['www-authenticate'] as string | undefined,
        options.scope,
        retried,
      );
    }
  }

  /** `send` with retries on network failures and 429/502/503/504 (idempotent requests only). */
  async sendIdempotent(options: SendOptions): Promise<HttpResponse> {
    return withRetries(
      this.retry,
      async () => {
        const res = await this.send(options);
        if (isTransientStatus(res.status))
          throw registryError(`${options.method} ${options.url}`, res);
        return res;
      },
      (e, attempt) =>
        this.retrying({
          what: 'request',
          attempt,
          error: (e as Error).message,
        }),
    );
  }

  /** Checks that the registry answers and accepts our credentials. */
  async ping(repository: string): Promise<void> {
    const res = await this.sendIdempotent({
      method: 'GET',
      url: '/v2/',
      scope: pullScope(repository),
    });
    if (res.status !== 200)
      throw registryError(`registry "${this.endpoint.name}"`, res);
  }

  /** The blob's size when the repository has it, else undefined. */
  async blobSize(
    repository: string,
    digest: string,
  ): Promise<number | undefined> {
    const res = await this.sendIdempotent({
      method: 'HEAD',
      url: `/v2/${repository}/blobs/${digest}`,
      scope: pullScope(repository),
    });
    if (res.status === 404) return undefined;
    if (res.status !== 200)
      throw registryError(`HEAD blob ${digest} in ${repository}`, res);
    return Number(res.headers['content-length']);
  }

  async getManifest(
    repository: string,
    reference: string,
  ): Promise<ManifestResult> {
    const res = await this.sendIdempotent({
      method: 'GET',
      url: `/v2/${repository}/manifests/${reference}`,
      scope: pullScope(repository),
      headers: { Accept: MANIFEST_ACCEPT },
    });
    if (res.status === 404) {
      throw new NotFoundError(
        `image ${this.endpoint.host}/${repository}${
          reference.startsWith('sha256:') ? '@' : ':'
        }${reference} not found in registry "${this.endpoint.name}"`,
      );
    }
    if (res.status !== 200)
      throw registryError(`GET manifest ${repository}:${reference}`, res);
    const digest = sha256Digest(res.body);
    if (reference.startsWith('sha256:') && digest !== reference) {
      throw new Error(
        `registry "${this.endpoint.name}" returned a manifest whose digest ${digest} is not ${reference}`,
      );
    }
    const mediaType =
      (res.headers['content-type'] as string | undefined)?.split(';')[0] ??
      (JSON.parse(res.body.toString('utf8')).mediaType as string);
    return { mediaType, digest, bytes: res.body };
  }

  /** True when the tag or digest resolves to a manifest. */
  async hasManifest(repository: string, reference: string): Promise<boolean> {
    const res = await this.sendIdempotent({
      method: 'HEAD',
      url: `/v2/${repository}/manifests/${reference}`,
      scope: pullScope(repository),
      headers: { Accept: MANIFEST_ACCEPT },
    });
    if (res.status === 404) return false;
    if (res.status !== 200)
      throw registryError(`HEAD manifest ${repository}:${reference}`, res);
    return true;
  }

  /** PUTs a manifest under a tag or its digest; returns its digest. */
  async putManifest(
    repository: string,
    reference: string,
    mediaType: string,
    bytes: Buffer,
  ): Promise<string> {
    const digest = sha256Digest(bytes);
    const res = await this.sendIdempotent({
      method: 'PUT',
      url: `/v2/${repository}/manifests/${reference}`,
      scope: pushScope(repository),
      headers: { 'Content-Type': mediaType },
      body: bytes,
    });
    if (res.status !== 201)
      throw registryError(`PUT manifest ${repository}:${reference}`, res);
    const returned = res.headers['docker-content-digest'];
    if (returned && returned !== digest) {
      throw new Error(
        `registry "${this.endpoint.name}" stored the manifest as ${returned}, expected ${digest}`,
      );
    }
    return digest;
  }

  /** Opens a blob for reading (follows the registry's redirect, if any). */
  async openBlob(repository: string, digest: string): Promise<Readable> {
    let url = `/v2/${repository}/blobs/${digest}`;
    for (let hops = 0; hops < 5; hops++) {
      const target = url;
      // Credentials only ever go to the registry itself, not to where it redirects.
      const sameOrigin =
        new URL(this.url(target)).origin === new URL(this.baseUrl).origin;
      const res = await withRetries(this.retry, () =>
        sameOrigin
          ? this.sendStream({
              method: 'GET',
              url: target,
              scope: pullScope(repository),
            })
          : this.transport.requestStream({ method: 'GET', url: target }),
      );
      if (res.status === 200) return res.stream;
      if (
        [301, 302, 303, 307, 308].includes(res.status) &&
        res.headers.location
      ) {
        res.stream.resume();
        url = new URL(res.headers.location, this.url(url)).toString();
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const c of res.stream) chunks.push(c as Buffer);
      throw registryError(`GET blob ${digest} from ${repository}`, {
        status: res.status,
        headers: res.headers,
        body: Buffer.concat(chunks),
      });
    }
    throw new Error(`too many redirects fetching blob ${digest}`);
  }
}
