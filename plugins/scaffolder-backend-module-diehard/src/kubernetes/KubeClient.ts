import https from 'node:https';
import { NotFoundError } from '@backstage/errors';
import { ManifestObject } from './bundle';
import { Http2Connection, RawResponse } from './Http2Connection';

/** @public */
export interface KubeClientOptions {
  server: string;
  token: string;
  /** PEM CA bundle. */
  ca?: string | Buffer;
  skipTLSVerify?: boolean;
  /** Sockets for HTTP/1.1 (`http2: false`). */
  maxSockets?: number;
  /** One multiplexed HTTP/2 connection (default) instead of a pool of HTTP/1.1 sockets. */
  http2?: boolean;
}

const TIMEOUT_MS = 60_000;

/** A cause from a Kubernetes Status: which field is wrong and why. */
export interface StatusCause {
  field?: string;
  message?: string;
  reason?: string;
}

/**
 * A Kubernetes API error, with the Status the server returned.
 *
 * @public
 */
export class KubeApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly reason?: string,
    readonly causes: StatusCause[] = [],
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

export interface ResourceInfo {
  plural: string;
  namespaced: boolean;
}

/**
 * A small Kubernetes API client for server-side apply: one HTTP/2 connection
 * (or node's https with a keep-alive agent), discovery cached per group/version. It sends objects as
 * written (no client-side model that would drop unknown fields) so the server's
 * strict field validation sees exactly what the user wrote.
 *
 * @public
 */
export class KubeClient {
  private readonly agent: https.Agent;
  private http2?: Http2Connection;
  private readonly discovery = new Map<
    string,
    Promise<Map<string, ResourceInfo>>
  >();

  constructor(private readonly options: KubeClientOptions) {
    this.agent = new https.Agent({
      keepAlive: true,
      maxSockets: options.maxSockets ?? 16,
      ca: options.ca,
      rejectUnauthorized: !options.skipTLSVerify,
    });
    if (options.http2 ?? true)
      this.http2 = new Http2Connection(new URL(options.server).origin, {
        ca: options.ca,
        rejectUnauthorized: !options.skipTLSVerify,
      });
  }

  close() {
    this.agent.destroy();
    this.http2?.close();
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<T> {
    const url = new URL(path, this.options.server);
    const payload =
      body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string | number> = {
      accept: 'application/json',
      authorization: `Bearer ${this.options.token}`,
      ...(payload
        ? { 'content-type': contentType, 'content-length': payload.length }
        : {}),
    };
    let res: RawResponse;
    try {
      res = await this.send(method, url, headers, payload);
    } catch (e) {
      throw new KubeApiError(
        `cannot reach the Kubernetes API at ${url.origin}: ${
          (e as Error).message
        }`,
        0,
        'Unreachable',
      );
    }
    let json: any;
    try {
      json = res.text ? JSON.parse(res.text) : undefined;
    } catch {
      json = undefined;
    }
    if (res.status >= 200 && res.status < 300) return json as T;
    throw new KubeApiError(
      json?.message ?? `HTTP ${res.status} from ${method} ${url.pathname}`,
      res.status,
      json?.reason,
      json?.details?.causes ?? [],
    );
  }

  private async send(
    method: string,
    url: URL,
    headers: Record<string, string | number>,
    payload: Buffer | undefined,
  ): Promise<RawResponse> {
    const h2 = this.http2;
    if (!h2) return this.http1(method, url, headers, payload);
    try {
      return await h2.request(
        method,
        `${url.pathname}${url.search}`,
        headers,
        payload,
        TIMEOUT_MS,
      );
    } catch (e) {
      if (h2.connected) throw e;
      // Never got an HTTP/2 connection (a proxy that speaks HTTP/1.1 only, or no
      // server at all): nothing was sent; HTTP/1.1 from now on.
      h2.close();
      this.http2 = undefined;
      return this.http1(method, url, headers, payload);
    }
  }

  private http1(
    method: string,
    url: URL,
    headers: Record<string, string | number>,
    payload: Buffer | undefined,
  ): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const req = https.request(
        url,
        { method, agent: this.agent, headers, timeout: TIMEOUT_MS },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('error', reject);
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)),
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Plural name and scope of a kind, from discovery (cached per group/version). */
  async resource(apiVersion: string, kind: string): Promise<ResourceInfo> {
    let list = this.discovery.get(apiVersion);
    if (!list) {
      const path = apiVersion.includes('/')
        ? `/apis/${apiVersion}`
        : `/api/${apiVersion}`;
      list = this.request<{
        resources: { name: string; kind: string; namespaced: boolean }[];
      }>('GET', path).then(r => {
        const m = new Map<string, ResourceInfo>();
        for (const res of r.resources) {
          if (!res.name.includes('/'))
            m.set(res.kind, { plural: res.name, namespaced: res.namespaced });
        }
        return m;
      });
      list.catch(() => this.discovery.delete(apiVersion));
      this.discovery.set(apiVersion, list);
    }
    let resources: Map<string, ResourceInfo>;
    try {
      resources = await list;
    } catch (e) {
      if (e instanceof KubeApiError && e.status === 404) {
        throw new NotFoundError(`the cluster does not serve ${apiVersion}`);
      }
      throw e;
    }
    const info = resources.get(kind);
    if (!info)
      throw new NotFoundError(
        `the cluster does not serve kind ${kind} in ${apiVersion}`,
      );
    return info;
  }

  /** Forgets discovery (after CRDs were applied). */
  forgetDiscovery() {
    this.discovery.clear();
  }

  async collectionPath(
    apiVersion: string,
    kind: string,
    namespace?: string,
  ): Promise<string> {
    const info = await this.resource(apiVersion, kind);
    const base = apiVersion.includes('/')
      ? `/apis/${apiVersion}`
      : `/api/${apiVersion}`;
    const ns =
      info.namespaced && namespace
        ? `/namespaces/${encodeURIComponent(namespace)}`
        : '';
    return `${base}${ns}/${info.plural}`;
  }

  async objectPath(o: ManifestObject): Promise<string> {
    const coll = await this.collectionPath(
      o.apiVersion,
      o.kind,
      o.metadata.namespace,
    );
    return `${coll}/${encodeURIComponent(o.metadata.name)}`;
  }

  /** Server-side apply (optionally as a dry run). */
  async apply(
    o: ManifestObject,
    options: { fieldManager: string; dryRun?: boolean; force?: boolean },
  ): Promise<ManifestObject> {
    const q = new URLSearchParams({
      fieldManager: options.fieldManager,
      fieldValidation: 'Strict',
    });
    if (options.force) q.set('force', 'true');
    if (options.dryRun) q.set('dryRun', 'All');
    return this.request(
      'PATCH',
      `${await this.objectPath(o)}?${q}`,
      o,
      'application/apply-patch+yaml',
    );
  }

  async get(
    o: Pick<ManifestObject, 'apiVersion' | 'kind' | 'metadata'>,
  ): Promise<ManifestObject | undefined> {
    try {
      return await this.request(
        'GET',
        await this.objectPath(o as ManifestObject),
      );
    } catch (e) {
      if (e instanceof KubeApiError && e.status === 404) return undefined;
      throw e;
    }
  }

  /** Deletes an object; true when it was there. */
  async delete(
    o: Pick<ManifestObject, 'apiVersion' | 'kind' | 'metadata'>,
  ): Promise<boolean> {
    try {
      await this.request('DELETE', await this.objectPath(o as ManifestObject));
      return true;
    } catch (e) {
      if (e instanceof KubeApiError && e.status === 404) return false;
      throw e;
    }
  }

  async list(
    apiVersion: string,
    kind: string,
    namespace: string,
    labelSelector?: string,
    fieldSelector?: string,
  ): Promise<any[]> {
    const params = new URLSearchParams();
    if (labelSelector) params.set('labelSelector', labelSelector);
    if (fieldSelector) params.set('fieldSelector', fieldSelector);
    const q = params.size ? `?${params}` : '';
    const r = await this.request<{ items: any[] }>(
      'GET',
      `${await this.collectionPath(apiVersion, kind, namespace)}${q}`,
    );
    return r.items ?? [];
  }
}
