import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  ClusterAuth,
  ClusterNotEvaluated,
  ClusterPosture,
  EntityPosture,
  FleetEntry,
  PostureHistoryPoint,
} from './postureApi';

/**
 * A catalog entity, as a ref string (`component:default/todo`) or its parts.
 *
 * @public
 */
export type HaPostureEntityRef = string | CompoundEntityRef;

/**
 * Extra request headers: the user's cluster tokens (see {@link ClusterAuth}).
 *
 * @public
 */
export interface HaPostureRequestOptions {
  /** `Backstage-Kubernetes-Authorization-…` headers, for this request only. */
  headers?: Record<string, string>;
}

/**
 * Reads the HA posture backend (`/api/ha-posture`).
 *
 * @public
 */
export interface HaPostureApi {
  /** The cached posture of an entity; `undefined` when the backend does not know the entity. */
  getEntityPosture(
    entityRef: HaPostureEntityRef,
  ): Promise<EntityPosture | undefined>;
  /** Recomputes the posture of an entity now (with the user's cluster tokens in `options.headers`). */
  refreshEntityPosture(
    entityRef: HaPostureEntityRef,
    options?: HaPostureRequestOptions,
  ): Promise<EntityPosture>;
  /** One point per day with an evaluation, oldest first. */
  getEntityHistory(
    entityRef: HaPostureEntityRef,
  ): Promise<PostureHistoryPoint[]>;
  /** Every evaluated service. */
  getFleet(): Promise<FleetEntry[]>;
  /** The posture of each cluster itself. */
  getClusters(options?: HaPostureRequestOptions): Promise<ClusterPosture[]>;
  /** The same, with the clusters left out and why. */
  getClusterOverview(options?: HaPostureRequestOptions): Promise<{
    clusters: ClusterPosture[];
    notEvaluated: ClusterNotEvaluated[];
  }>;
  /** Which clusters need the signed-in user's token, and from which provider. */
  getClusterAuth(): Promise<ClusterAuth[]>;
}

/**
 * Finds a backend plugin's base URL (the app's DiscoveryApi, or the backend's discovery service).
 *
 * @public
 */
export interface HaPostureDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/**
 * Sends a request with the caller's credentials (the app's FetchApi).
 *
 * @public
 */
export interface HaPostureFetch {
  fetch: typeof fetch;
}

/**
 * {@link HaPostureApi} over HTTP, through the caller's discovery and fetch.
 *
 * @public
 */
export class HaPostureClient implements HaPostureApi {
  private readonly discoveryApi: HaPostureDiscovery;
  private readonly fetchApi: HaPostureFetch;

  constructor(options: {
    discoveryApi: HaPostureDiscovery;
    fetchApi?: HaPostureFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...args) => fetch(...args) };
  }

  async getEntityPosture(
    entityRef: HaPostureEntityRef,
  ): Promise<EntityPosture | undefined> {
    const response = await this.request(await entityPath(entityRef));
    if (response.status === 404) {
      return undefined;
    }
    return this.json<EntityPosture>(response);
  }

  async refreshEntityPosture(
    entityRef: HaPostureEntityRef,
    options?: HaPostureRequestOptions,
  ): Promise<EntityPosture> {
    const response = await this.request(
      `${await entityPath(entityRef)}/refresh`,
      {
        method: 'POST',
        ...(options?.headers && { headers: options.headers }),
      },
    );
    return this.json<EntityPosture>(response);
  }

  async getEntityHistory(
    entityRef: HaPostureEntityRef,
  ): Promise<PostureHistoryPoint[]> {
    const response = await this.request(
      `${await entityPath(entityRef)}/history`,
    );
    const body = await this.json<{ points: PostureHistoryPoint[] }>(response);
    return body.points;
  }

  async getFleet(): Promise<FleetEntry[]> {
    const body = await this.json<{ entries: FleetEntry[] }>(
      await this.request('/fleet'),
    );
    return body.entries;
  }

  async getClusters(
    options?: HaPostureRequestOptions,
  ): Promise<ClusterPosture[]> {
    return (await this.getClusterOverview(options)).clusters;
  }

  async getClusterOverview(options?: HaPostureRequestOptions) {
    const body = await this.json<{
      clusters: ClusterPosture[];
      notEvaluated?: ClusterNotEvaluated[];
    }>(
      await this.request(
        '/clusters',
        options?.headers && { headers: options.headers },
      ),
    );
    return { clusters: body.clusters, notEvaluated: body.notEvaluated ?? [] };
  }

  async getClusterAuth(): Promise<ClusterAuth[]> {
    const body = await this.json<{ clusters: ClusterAuth[] }>(
      await this.request('/cluster-auth'),
    );
    return body.clusters;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('ha-posture');
    return this.fetchApi.fetch(`${baseUrl}${path}`, init);
  }

  private async json<T>(response: Response): Promise<T> {
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

// A static import: a dynamic one breaks where the backend loads this package as CommonJS
// (require cycle on catalog-model's ES module) and under jest.
async function entityPath(entityRef: HaPostureEntityRef): Promise<string> {
  const ref =
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  const parts = [
    ref.kind.toLocaleLowerCase('en-US'),
    ref.namespace || 'default',
    ref.name,
  ];
  return `/entities/${parts.map(encodeURIComponent).join('/')}`;
}
