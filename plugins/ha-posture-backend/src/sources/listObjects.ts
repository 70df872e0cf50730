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
    `${server.replace(/(?<!\/)\/+$/, '')}/${group}/${scope}${resource}`,
  );
  url.searchParams.set('limit', String(pageSize));
  if (fieldSelector) url.searchParams.set('fieldSelector', fieldSelector);
  if (labelSelector) url.searchParams.set('labelSelector', labelSelector);

  const objects: KubeObject[] = [];
  let budget = LIST_MAX_BYTES;
  let next: string | undefined;
  do {
    if (next) url.searchParams.set('continue', next);
    const body = await get(kubeConfig, url, budget);
    budget -= body.length;
    const page = parsePage(body, kind);
    // List items come without apiVersion and kind; the engine needs both.
    for (const item of page.items) {
      if (!item || typeof item !== 'object') continue;
      if (item.metadata) delete item.metadata.managedFields;
      objects.push({ ...item, apiVersion, kind });
    }
    next = page.continue;
  } while (next);
  return objects;
}

/** The items and continue token of a list answer; an answer of another shape is refused. */
function parsePage(body: string, kind: string) {
  let page: any;
  try {
    page = JSON.parse(body);
  } catch {
    // Not the parser's message: it quotes the answer.
    throw new SyntaxError(`the ${kind} list answer is not JSON`);
  }
  const token = page?.metadata?.continue;
  const items =
    page?.items ?? (page?.kind?.endsWith?.('List') ? [] : undefined);
  if (!Array.isArray(items) || (token && typeof token !== 'string'))
    throw new TypeError(`the ${kind} list answer is not a Kubernetes list`);
  return {
    items: items as any[],
    continue: (token as string) || undefined,
  };
}

/**
 * Longest wait for one page, and the most one list may read over all its pages: a
 * stuck or hostile server (endless pages, endless answers) is cut off.
 */
const PAGE_TIMEOUT_MS = 60_000;
const LIST_MAX_BYTES = 1024 * 1024 * 1024;

async function get(
  kubeConfig: KubeConfig,
  url: URL,
  maxBytes: number,
): Promise<string> {
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
          if (bytes > maxBytes)
            req.destroy(new RangeError('the list is larger than 1 GiB'));
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
