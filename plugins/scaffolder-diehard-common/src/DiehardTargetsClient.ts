import { ResponseError } from '@backstage/errors';
import {
  DEPLOY_TARGETS_PATH,
  DeployTarget,
  DeployTargetsResponse,
} from './targets';

/** The clusters and namespaces of `diehard.apply.clusters` open to the caller. @public */
export interface DiehardTargetsApi {
  getTargets(): Promise<DeployTarget[]>;
}

/**
 * {@link DiehardTargetsApi} over `GET /api/scaffolder/diehard/targets`. Takes the
 * frontend's discovery and fetch APIs (or anything with the same two methods), so
 * the caller's identity travels with the request.
 *
 * @public
 */
export class DiehardTargetsClient implements DiehardTargetsApi {
  private readonly discoveryApi: {
    getBaseUrl(pluginId: string): Promise<string>;
  };
  private readonly fetchApi: { fetch: typeof fetch };

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi: { fetch: typeof fetch };
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getTargets(): Promise<DeployTarget[]> {
    const baseUrl = await this.discoveryApi.getBaseUrl('scaffolder');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${DEPLOY_TARGETS_PATH}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as DeployTargetsResponse;
    return body.clusters;
  }
}
