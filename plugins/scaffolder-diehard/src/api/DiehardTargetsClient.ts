import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { DiehardTarget, DiehardTargetsApi } from './DiehardTargetsApi';

/** {@link DiehardTargetsApi} over `GET /api/scaffolder/diehard/targets`. */
export class DiehardTargetsClient implements DiehardTargetsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getTargets(): Promise<DiehardTarget[]> {
    const baseUrl = await this.discoveryApi.getBaseUrl('scaffolder');
    const response = await this.fetchApi.fetch(`${baseUrl}/diehard/targets`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as { clusters: DiehardTarget[] };
    return body.clusters;
  }
}
