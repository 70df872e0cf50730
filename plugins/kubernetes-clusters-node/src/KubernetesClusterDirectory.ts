import fs from 'node:fs/promises';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
  KubernetesRequestAuth,
} from '@backstage/plugin-kubernetes-common';
import {
  AuthenticationStrategy,
  ClusterDetails,
  KubernetesCredential,
} from '@backstage/plugin-kubernetes-node';
import { KubeConfig } from '@kubernetes/client-node';
import { readClusterDetails } from './readClusters';
import {
  defaultStrategies,
  missingUserToken,
  needsUserToken,
} from './strategies';

/**
 * A cluster as a picker or a report names it; no URL credentials, no token.
 *
 * @public
 */
export interface KubernetesCluster {
  name: string;
  title?: string;
  url: string;
  authProvider: string;
  /**
   * True for oidc, google and aks: only a signed-in user's token reaches it, so a
   * scheduled job run by the backend cannot read it.
   */
  needsUserToken: boolean;
  /** For oidc: the Backstage auth provider whose ID token the API server trusts. */
  oidcTokenProvider?: string;
}

/**
 * What a client needs to talk to one cluster with the credential just obtained.
 *
 * @public
 */
export interface ClusterConnection {
  cluster: KubernetesCluster;
  /** The API server's URL. */
  server: string;
  /** The CA bundle (PEM) from caData or caFile; absent: the system's. */
  ca?: string;
  skipTLSVerify: boolean;
  credential: KubernetesCredential;
  /** The same, for `@kubernetes/client-node`. */
  kubeConfig: KubeConfig;
}

/** @public */
export interface ConnectOptions {
  /**
   * The user's tokens, in the Kubernetes plugin's request shape
   * (`{ oidc: { <provider>: token } }`, `{ google: token }`…); needed by user-side
   * clusters only.
   */
  authConfig?: KubernetesRequestAuth;
}

/** @public */
export interface KubernetesClusterDirectoryOptions {
  /** For strategies that log (azure); default: none. */
  logger?: LoggerService;
  /** Strategies by authProvider; default: the Kubernetes plugin's own. */
  strategies?: Record<string, () => AuthenticationStrategy>;
}

const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};

/**
 * The clusters of the Kubernetes plugin's configuration, with credentials from its
 * auth strategies. Read once at startup: a cluster the strategies reject stops the
 * backend with its reason, as the Kubernetes plugin does.
 *
 * @public
 */
export class KubernetesClusterDirectory {
  private readonly built = new Map<string, AuthenticationStrategy>();

  private constructor(
    private readonly clusters: Map<string, ClusterDetails>,
    private readonly strategies: Record<string, () => AuthenticationStrategy>,
  ) {
    for (const details of clusters.values()) {
      const provider = authProviderOf(details);
      const errors = this.strategy(details.name, provider).validateCluster(
        details.authMetadata,
      );
      if (errors.length) {
        throw new InputError(
          `kubernetes cluster "${
            details.name
          }" (authProvider ${provider}): ${errors
            .map(e => e.message)
            .join('; ')}`,
        );
      }
    }
  }

  static fromConfig(
    config: Config,
    options: KubernetesClusterDirectoryOptions = {},
  ): KubernetesClusterDirectory {
    const clusters = new Map(readClusterDetails(config).map(c => [c.name, c]));
    return new KubernetesClusterDirectory(
      clusters,
      options.strategies ??
        defaultStrategies({
          config,
          logger: options.logger ?? silentLogger,
        }),
    );
  }

  /** Every declared cluster, in config order. */
  list(): KubernetesCluster[] {
    return [...this.clusters.values()].map(describe);
  }

  has(name: string): boolean {
    return this.clusters.has(name);
  }

  get(name: string): KubernetesCluster {
    return describe(this.details(name));
  }

  /**
   * Why `authConfig` cannot reach `name` (a user-side cluster without the user's
   * token), or undefined when it can.
   */
  missingToken(
    name: string,
    authConfig?: KubernetesRequestAuth,
  ): string | undefined {
    const details = this.details(name);
    const missing = missingUserToken(
      authProviderOf(details),
      details.authMetadata,
      authConfig,
    );
    return (
      missing && `cluster "${name}" uses ${authProviderOf(details)}: ${missing}`
    );
  }

  /**
   * A connection to `name` with a fresh credential from its strategy. Throws, naming
   * the cluster and its authProvider, when the credential cannot be had (a user-side
   * cluster without the user's token, an unreadable caFile, a strategy failing).
   */
  async connect(
    name: string,
    options: ConnectOptions = {},
  ): Promise<ClusterConnection> {
    const details = this.details(name);
    const cluster = describe(details);
    const says = (why: string) =>
      `cluster "${name}" uses ${cluster.authProvider}: ${why}`;
    const missing = missingUserToken(
      cluster.authProvider,
      details.authMetadata,
      options.authConfig,
    );
    if (missing) throw new InputError(says(missing));
    const ca = await caOf(details);
    let credential: KubernetesCredential;
    try {
      credential = await this.strategy(
        name,
        cluster.authProvider,
      ).getCredential(details, options.authConfig ?? {});
    } catch (e) {
      throw new ServiceUnavailableError(
        says(`no credential: ${(e as Error).message}`),
      );
    }
    return {
      cluster,
      server: details.url,
      ca,
      skipTLSVerify: details.skipTLSVerify ?? false,
      credential,
      kubeConfig: kubeConfigOf(details, ca, credential),
    };
  }

  private details(name: string): ClusterDetails {
    const details = this.clusters.get(name);
    if (!details) {
      const known = [...this.clusters.keys()];
      throw new NotFoundError(
        `no kubernetes cluster named "${name}" (configured: ${
          known.length ? known.join(', ') : 'none'
        }); clusters come from kubernetes.clusterLocatorMethods`,
      );
    }
    return details;
  }

  private strategy(name: string, provider: string): AuthenticationStrategy {
    let strategy = this.built.get(provider);
    if (!strategy) {
      const make = Object.hasOwn(this.strategies, provider)
        ? this.strategies[provider]
        : undefined;
      if (!make) {
        throw new InputError(
          `kubernetes cluster "${name}": authProvider "${provider}" is not one the Kubernetes plugin knows (${Object.keys(
            this.strategies,
          ).join(', ')})`,
        );
      }
      strategy = make();
      this.built.set(provider, strategy);
    }
    return strategy;
  }
}

function authProviderOf(details: ClusterDetails): string {
  return details.authMetadata[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
}

function describe(details: ClusterDetails): KubernetesCluster {
  const authProvider = authProviderOf(details);
  return {
    name: details.name,
    ...(details.title && { title: details.title }),
    url: details.url,
    authProvider,
    needsUserToken: needsUserToken(authProvider),
    ...(authProvider === 'oidc' && {
      oidcTokenProvider:
        details.authMetadata[ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER],
    }),
  };
}

/** caData is base64 of the PEM, as in a kubeconfig (a PEM itself is accepted too). */
async function caOf(details: ClusterDetails): Promise<string | undefined> {
  if (details.caData) {
    return details.caData.includes('-----BEGIN')
      ? details.caData
      : Buffer.from(details.caData, 'base64').toString('utf8');
  }
  if (!details.caFile) return undefined;
  try {
    return await fs.readFile(details.caFile, 'utf8');
  } catch (e) {
    throw new InputError(
      `kubernetes cluster "${details.name}": cannot read its caFile (${
        (e as NodeJS.ErrnoException).code ?? 'unreadable'
      })`,
    );
  }
}

function kubeConfigOf(
  details: ClusterDetails,
  ca: string | undefined,
  credential: KubernetesCredential,
): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: details.name,
        server: details.url,
        ...(ca && { caData: Buffer.from(ca).toString('base64') }),
        // client-node refuses a plain-HTTP server (kubectl proxy, as localKubectlProxy
        // clusters use) unless told that there is no TLS to verify.
        skipTLSVerify:
          (details.skipTLSVerify ?? false) ||
          new URL(details.url).protocol === 'http:',
      },
    ],
    users: [userOf(credential)],
    contexts: [{ name: details.name, cluster: details.name, user: 'diehard' }],
    currentContext: details.name,
  });
  return kubeConfig;
}

function userOf(credential: KubernetesCredential) {
  const user = { name: 'diehard' };
  const base64 = (pem: string) => Buffer.from(pem).toString('base64');
  if (credential.type === 'bearer token')
    return { ...user, token: credential.token };
  if (credential.type === 'x509 client certificate')
    return {
      ...user,
      certData: base64(credential.cert),
      keyData: base64(credential.key),
    };
  return user;
}
