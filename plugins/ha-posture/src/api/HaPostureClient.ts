import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import type {
  ClusterPosture,
  EntityPosture,
  FleetEntry,
  PostureHistoryPoint,
} from '@diehard/plugin-ha-posture-common';
import { HaPostureApi, HaPostureEntityRef } from './HaPostureApi';

/** {@link HaPostureApi} over HTTP, through the app's discovery and fetch APIs. */
export class HaPostureClient implements HaPostureApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityPosture(
    entityRef: HaPostureEntityRef,
  ): Promise<EntityPosture | undefined> {
    const response = await this.request(entityPath(entityRef));
    if (response.status === 404) {
      return undefined;
    }
    return this.json<EntityPosture>(response);
  }

  async refreshEntityPosture(
    entityRef: HaPostureEntityRef,
  ): Promise<EntityPosture> {
    const response = await this.request(`${entityPath(entityRef)}/refresh`, {
      method: 'POST',
    });
    return this.json<EntityPosture>(response);
  }

  async getEntityHistory(
    entityRef: HaPostureEntityRef,
  ): Promise<PostureHistoryPoint[]> {
    const response = await this.request(`${entityPath(entityRef)}/history`);
    const body = await this.json<{ points: PostureHistoryPoint[] }>(response);
    return body.points;
  }

  async getFleet(): Promise<FleetEntry[]> {
    const body = await this.json<{ entries: FleetEntry[] }>(
      await this.request('/fleet'),
    );
    return body.entries;
  }

  async getClusters(): Promise<ClusterPosture[]> {
    const body = await this.json<{ clusters: ClusterPosture[] }>(
      await this.request('/clusters'),
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

function entityPath(entityRef: HaPostureEntityRef): string {
  const ref =
    typeof entityRef === 'string' ? parseEntityRef(entityRef) : entityRef;
  const parts = [
    ref.kind.toLocaleLowerCase('en-US'),
    ref.namespace || 'default',
    ref.name,
  ];
  return `/entities/${parts.map(encodeURIComponent).join('/')}`;
}
