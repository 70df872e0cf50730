import { ResponseError } from '@backstage/errors';
import {
  DEPLOY_TARGETS_PATH,
  DeployTarget,
  DeployTargetsResponse,
  TargetIngressHostQuery,
  TargetIngressHostResponse,
  TargetStorageClass,
  TargetStorageClassesResponse,
  targetIngressHostPath,
  targetStorageClassesPath,
} from './targets';

/** The signed-in user's token for a cluster reached with it ({@link DeployTarget.userToken}). @public */
export type TargetUserToken = { secret: string; token: string };

/** The clusters and namespaces of `diehard.apply.clusters` open to the caller. @public */
export interface DiehardTargetsApi {
  /** The clusters the caller may deploy to. */
  getTargets(): Promise<DeployTarget[]>;
  /**
   * The StorageClasses of a target cluster. `userToken`: the signed-in user's token, for
   * a cluster reached with it ({@link DeployTarget.userToken}).
   */
  getStorageClasses(
    cluster: string,
    options?: { userToken?: TargetUserToken },
  ): Promise<TargetStorageClass[]>;
  /** Whether another Ingress of a target cluster serves a host already. */
  getIngressHost(
    cluster: string,
    query: TargetIngressHostQuery,
    options?: { userToken?: TargetUserToken },
  ): Promise<TargetIngressHostResponse>;
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

  /** `GET /api/scaffolder/diehard/targets`. */
  async getTargets(): Promise<DeployTarget[]> {
    const body: DeployTargetsResponse = await this.get(DEPLOY_TARGETS_PATH);
    return body.clusters;
  }

  /** `GET /api/scaffolder/diehard/targets/:cluster/storage-classes`. */
  async getStorageClasses(
    cluster: string,
    options?: { userToken?: TargetUserToken },
  ): Promise<TargetStorageClass[]> {
    const body: TargetStorageClassesResponse = await this.get(
      targetStorageClassesPath(cluster),
      options?.userToken,
    );
    return body.storageClasses;
  }

  /** `GET /api/scaffolder/diehard/targets/:cluster/ingress-host?host=&namespace=&ingress=`. */
  async getIngressHost(
    cluster: string,
    query: TargetIngressHostQuery,
    options?: { userToken?: TargetUserToken },
  ): Promise<TargetIngressHostResponse> {
    return this.get(
      `${targetIngressHostPath(cluster)}?${new URLSearchParams({
        host: query.host,
        namespace: query.namespace,
        ingress: query.ingress,
      })}`,
      options?.userToken,
    );
  }

  private async get(path: string, userToken?: TargetUserToken) {
    const baseUrl = await this.discoveryApi.getBaseUrl('scaffolder');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}`,
      // The header the Kubernetes plugin's frontend sends the same token in.
      userToken ? { headers: { [userToken.secret]: userToken.token } } : {},
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}
