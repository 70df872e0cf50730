import http from 'node:http';
import https from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeObject } from '@diehard/plugin-ha-posture-common';

/** A built-in kind and the resource that lists it. */
export interface ListedKind {
  apiVersion: string;
  kind: string;
  /** The resource's plural name in the API path (`pods`, `ingresses`…). */
  resource: string;
}

export interface ListQuery {
  namespace?: string;
  fieldSelector?: string;
  labelSelector?: string;
  /** Objects per answer; by default 500: a cluster's 10,000 pods come in 20 answers of a few MB. */
  pageSize?: number;
}

/** An answer of the API server that is not a success; `code` is its HTTP status. */
export class KubernetesApiError extends Error {
  name = 'KubernetesApiError';
  constructor(readonly code: number) {
    super(`Kubernetes API answered HTTP ${code}`);
  }
}

/**
 * Lists every object of a kind, page by page, as the API server wrote them. The
 * client's typed model is left out on purpose: converting tens of thousands of pods
 * into its classes costs about twice their JSON parse and drops fields it does not
 * know, while the posture engine reads plain objects, as manifests are. Credentials,
 * TLS and proxy come from the cluster's KubeConfig as the client applies them.
 */
export async function listObjects(
  kubeConfig: KubeConfig,
  { apiVersion, kind, resource }: ListedKind,
  { namespace, fieldSelector, labelSelector, pageSize = 500 }: ListQuery = {},
): Promise<KubeObject[]> {
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) throw new Error('the cluster has no server address');
  const group = apiVersion.includes('/') ? `apis/${apiVersion}` : 'api/v1';
  const scope = namespace ? `namespaces/${encodeURIComponent(namespace)}/` : '';
  const url = new URL(
    `${server.replace(/\/+$/, '')}/${group}/${scope}${resource}`,
  );
  url.searchParams.set('limit', String(pageSize));
  if (fieldSelector) url.searchParams.set('fieldSelector', fieldSelector);
  if (labelSelector) url.searchParams.set('labelSelector', labelSelector);

  const objects: KubeObject[] = [];
  let next: string | undefined;
  do {
    if (next) url.searchParams.set('continue', next);
    const page = JSON.parse(await get(kubeConfig, url));
    // List items come without apiVersion and kind; the engine needs both.
    for (const item of page.items ?? []) {
      if (item.metadata) delete item.metadata.managedFields;
      objects.push({ ...item, apiVersion, kind });
    }
    next = page.metadata?.continue || undefined;
  } while (next);
  return objects;
}

/** Longest wait for one page, and the largest page read: a stuck or hostile server is cut off. */
const PAGE_TIMEOUT_MS = 60_000;
const PAGE_MAX_BYTES = 256 * 1024 * 1024;

async function get(kubeConfig: KubeConfig, url: URL): Promise<string> {
  const options = await kubeConfig.applyToFetchOptions({});
  const headers: Record<string, string> = { accept: 'application/json' };
  new Headers(options.headers as HeadersInit).forEach(
    (value, key) => (headers[key] = value),
  );
  const request = url.protocol === 'http:' ? http.request : https.request;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'GET', headers, agent: options.agent as http.Agent },
      response => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > PAGE_MAX_BYTES)
            req.destroy(new RangeError('a page of the list is too large'));
          else chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300)
            resolve(Buffer.concat(chunks).toString('utf8'));
          else reject(new KubernetesApiError(status));
        });
      },
    );
    req.setTimeout(PAGE_TIMEOUT_MS, () => {
      const error = new Error('the Kubernetes API did not answer in time');
      error.name = 'TimeoutError';
      req.destroy(error);
    });
    req.on('error', reject);
    req.end();
  });
}
