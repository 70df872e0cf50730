import https from 'node:https';
import { NotFoundError } from '@backstage/errors';
import { ManifestObject } from './bundle';

export interface KubeClientOptions {
  server: string;
  token: string;
  /** PEM CA bundle. */
  ca?: string | Buffer;
  skipTLSVerify?: boolean;
  /** Requests in flight at once. */
  maxSockets?: number;
}

/** A cause from a Kubernetes Status: which field is wrong and why. */
export interface StatusCause {
  field?: string;
  message?: string;
  reason?: string;
}

/** A Kubernetes API error, with the Status the server returned. */
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
 * A small Kubernetes API client for server-side apply: node's https with a
 * keep-alive agent, discovery cached per group/version. It sends objects as
 * written (no client-side model that would drop unknown fields) so the server's
 * strict field validation sees exactly what the user wrote.
 */
export class KubeClient {
  private readonly agent: https.Agent;
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
  }

  close() {
    this.agent.destroy();
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
    return new Promise<T>((resolve, reject) => {
      const req = https.request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            Accept: 'application/json',
            Authorization: `Bearer ${this.options.token}`,
            ...(payload
              ? {
                  'Content-Type': contentType,
                  'Content-Length': payload.length,
                }
              : {}),
          },
          timeout: 60_000,
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: any;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = undefined;
            }
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) {
              resolve(json as T);
              return;
            }
            reject(
              new KubeApiError(
                json?.message ??
                  `HTTP ${status} from ${method} ${url.pathname}`,
                status,
                json?.reason,
                json?.details?.causes ?? [],
              ),
            );
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`no answer from the Kubernetes API within 60 s`)),
      );
      req.on('error', e =>
        reject(
          new KubeApiError(
            `cannot reach the Kubernetes API at ${url.origin}: ${e.message}`,
            0,
            'Unreachable',
          ),
        ),
      );
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
  ): Promise<any[]> {
    const q = labelSelector
      ? `?labelSelector=${encodeURIComponent(labelSelector)}`
      : '';
    const r = await this.request<{ items: any[] }>(
      'GET',
      `${await this.collectionPath(apiVersion, kind, namespace)}${q}`,
    );
    return r.items ?? [];
  }
}
