import type { ApiHolder } from '@backstage/frontend-plugin-api';
import { kubernetesAuthProvidersApiRef } from '@backstage/plugin-kubernetes-react';
import type {
  DeployTarget,
  DiehardTargetsApi,
  TargetUserToken,
} from '@diehard/plugin-scaffolder-diehard-common';
import { diehardTargetsApiRef } from '../api';

/** A cluster the signed-in user may deploy to, and how to ask the backend about it. */
export interface TargetAccess {
  api: DiehardTargetsApi;
  target: DeployTarget;
  /** The user's own token, for a cluster reached with it. */
  userToken?: TargetUserToken;
}

/**
 * `cluster` as the signed-in user may deploy to it, with the user's token from the
 * Kubernetes plugin's auth provider when the cluster is reached with it; undefined for a
 * cluster that is not a target, or whose token cannot be had.
 */
export async function targetAccess(
  apis: ApiHolder,
  cluster: string,
): Promise<TargetAccess | undefined> {
  const api = apis.get(diehardTargetsApiRef);
  if (!api) return undefined;
  const target = (await api.getTargets()).find(t => t.name === cluster);
  if (!target) return undefined;
  if (!target.userToken) return { api, target };
  const authProviders = apis.get(kubernetesAuthProvidersApiRef);
  const { token } =
    (await authProviders?.getCredentials(target.userToken.provider)) ?? {};
  if (!token) return undefined;
  return {
    api,
    target,
    userToken: { secret: target.userToken.secret, token },
  };
}
