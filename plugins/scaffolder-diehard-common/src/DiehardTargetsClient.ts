import { ResponseError } from '@backstage/errors';
import {
  DEPLOY_TARGETS_PATH,
  DeployTarget,
  DeployTargetsResponse,
  TargetStorageClass,
  TargetStorageClassesResponse,
  targetStorageClassesPath,
} from './targets';

/** The clusters and namespaces of `diehard.apply.clusters` open to the caller. @public */
export interface DiehardTargetsApi {
  getTargets(): Promise<DeployTarget[]>;
  /**
   * The StorageClasses of a target cluster. `userToken`: the signed-in user's token, for
   * a cluster reached with it ({@link DeployTarget.userToken}).
   */
  getStorageClasses(
    cluster: string,
    options?: { userToken?: { secret: string; token: string } },
  ): Promise<TargetStorageClass[]>;
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

  /** `GET /api/scaffolder/diehard/targets/:cluster/storage-classes`. */
  async getStorageClasses(
    cluster: string,
    options?: { userToken?: { secret: string; token: string } },
  ): Promise<TargetStorageClass[]> {
    const baseUrl = await this.discoveryApi.getBaseUrl('scaffolder');
    const userToken = options?.userToken;
    const response = await this.fetchApi.fetch(
      `${baseUrl}${targetStorageClassesPath(cluster)}`,
      // The header the Kubernetes plugin's frontend sends the same token in.
      userToken ? { headers: { [userToken.secret]: userToken.token } } : {},
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const body = (await response.json()) as TargetStorageClassesResponse;
    return body.storageClasses;
  }
}
