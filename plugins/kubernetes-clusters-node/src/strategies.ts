import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AksStrategy,
  AnonymousStrategy,
  AwsIamStrategy,
  AzureIdentityStrategy,
  GoogleServiceAccountStrategy,
  GoogleStrategy,
  OidcStrategy,
  ServiceAccountStrategy,
} from '@backstage/plugin-kubernetes-backend';
import { ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER } from '@backstage/plugin-kubernetes-common';
import { KubernetesRequestAuth } from '@backstage/plugin-kubernetes-common';
import {
  AuthenticationStrategy,
  AuthMetadata,
} from '@backstage/plugin-kubernetes-node';
import * as clientNode from '@kubernetes/client-node';

/**
 * The Kubernetes plugin's own strategies under the keys its `authProvider` takes
 * (its default map), each built on first use: a portal with service-account
 * clusters only never sets up cloud credential chains.
 */
export function defaultStrategies(deps: {
  config: Config;
  logger: LoggerService;
}): Record<string, () => AuthenticationStrategy> {
  return {
    aks: () => new AksStrategy(),
    aws: () => new AwsIamStrategy({ config: deps.config }),
    azure: () => new AzureIdentityStrategy(deps.logger),
    google: () => new GoogleStrategy(),
    googleServiceAccount: () =>
      new GoogleServiceAccountStrategy({ config: deps.config }),
    localKubectlProxy: () => new AnonymousStrategy(),
    oidc: () => new OidcStrategy(),
    serviceAccount: () =>
      // Its in-cluster fallback loads client-node by a dynamic import(), which Jest's
      // CommonJS runtime refuses; the strategy accepts the module handed over instead.
      Object.assign(new ServiceAccountStrategy(), {
        injectedKubernetesClient: clientNode,
      }),
  };
}

/**
 * Where a user-side provider finds the signed-in user's token in the request's
 * auth (the Kubernetes plugin's `KubernetesRequestAuth`): these clusters cannot be
 * read by the backend on its own (a scheduled refresh), only for a user.
 */
const USER_TOKEN: Record<
  string,
  (metadata: AuthMetadata) => { path: string[]; what: string }
> = {
  oidc: m => {
    const provider = m[ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER];
    return {
      path: ['oidc', provider],
      what: `the signed-in user's token from the OIDC provider "${provider}" (authConfig.oidc.${provider})`,
    };
  },
  google: () => ({
    path: ['google'],
    what: "the signed-in user's Google token (authConfig.google)",
  }),
  aks: () => ({
    path: ['aks'],
    what: "the signed-in user's AKS token (authConfig.aks)",
  }),
};

export function needsUserToken(authProvider: string): boolean {
  return authProvider in USER_TOKEN;
}

/** Why `auth` cannot give this user-side cluster a token, or undefined when it can. */
export function missingUserToken(
  authProvider: string,
  metadata: AuthMetadata,
  auth: KubernetesRequestAuth | undefined,
): string | undefined {
  const where = USER_TOKEN[authProvider]?.(metadata);
  if (!where) return undefined;
  let value: unknown = auth;
  for (const key of where.path) {
    value =
      value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return typeof value === 'string' && value.length > 0
    ? undefined
    : `it needs ${where.what}, and none was given`;
}
