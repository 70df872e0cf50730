import { Config } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import { DeployTarget } from '@diehard/plugin-scaffolder-diehard-common';
import type { KubernetesRequestAuth } from '@diehard/plugin-kubernetes-clusters-node';
import { KubernetesClusterDirectory } from '@diehard/plugin-kubernetes-clusters-node';
import { KubeClientOptions } from './KubeClient';

/** A cluster of the shared directory opened to the apply, and what may be applied to it. */
export interface ApplyCluster extends DeployTarget {
  name: string;
  title: string;
  /** Namespaces objects may be applied in (and Namespace objects that may be applied). */
  namespaces: string[];
  /** Kinds that may be applied. */
  kinds: string[];
}

/**
 * The clusters templates may deploy to: declared once in the Kubernetes plugin's
 * config (the shared cluster directory) and opened by an entry of
 * `diehard.apply.clusters[]`, in that list's order. A cluster without an entry
 * cannot be applied to.
 */
export class ApplyClusters {
  private constructor(
    private readonly directory: KubernetesClusterDirectory,
    private readonly allow: Map<string, Config>,
  ) {}

  /** `directory` is the shared one when injected; read from `config` when absent. */
  static fromConfig(
    config: Config,
    directory = KubernetesClusterDirectory.fromConfig(config),
  ): ApplyClusters {
    const allow = new Map<string, Config>();
    for (const a of config.getOptionalConfigArray('diehard.apply.clusters') ??
      [])
      allow.set(a.getString('name'), a);
    return new ApplyClusters(directory, allow);
  }

  /** Names of clusters that are both declared and allowlisted. */
  names(): string[] {
    return [...this.allow.keys()].filter(n => this.directory.has(n));
  }

  has(name: string): boolean {
    return this.allow.has(name) && this.directory.has(name);
  }

  get(name: string): ApplyCluster {
    const allow = this.allow.get(name);
    if (!allow || !this.directory.has(name)) {
      const known = this.names();
      throw new NotFoundError(
        `no cluster named "${name}" is open to diehard:kubernetes:apply (configured: ${
          known.length ? known.join(', ') : 'none'
        }); clusters come from kubernetes.clusterLocatorMethods and need an entry in diehard.apply.clusters`,
      );
    }
    const cluster = this.directory.get(name);
    return {
      name,
      title: cluster.title ?? name,
      namespaces: allow.getOptionalStringArray('namespaces') ?? [],
      kinds: allow.getOptionalStringArray('kinds') ?? [],
      ...(cluster.needsUserToken && {
        userToken: {
          // The key of the Kubernetes plugin's frontend auth providers.
          provider:
            cluster.authProvider === 'oidc'
              ? `oidc.${cluster.oidcTokenProvider}`
              : cluster.authProvider,
          secret: userTokenSecret(
            cluster.authProvider,
            cluster.oidcTokenProvider,
          ),
        },
      }),
    };
  }

  /** Every cluster open to the apply, for the templates' pickers. */
  targets(): DeployTarget[] {
    return this.names().map(name => this.get(name));
  }

  /**
   * How the apply's client reaches `name`, with a fresh credential from the
   * cluster's auth strategy. A user-side provider (oidc, google, aks) needs the
   * initiator's token in `authConfig` (from the task's secrets); without it this
   * fails naming the secret the cluster picker sets.
   */
  async connection(
    name: string,
    authConfig?: KubernetesRequestAuth,
  ): Promise<KubeClientOptions> {
    this.get(name);
    const missing = this.directory.missingToken(name, authConfig);
    if (missing) {
      const { authProvider, oidcTokenProvider } = this.directory.get(name);
      throw new InputError(
        `${missing}: the template's cluster picker (DiehardClusterPicker) asks the signed-in user for it and passes it as the task secret ${userTokenSecret(
          authProvider,
          oidcTokenProvider,
        )}`,
      );
    }
    const c = await this.directory.connect(name, { authConfig });
    if (c.credential.type !== 'bearer token') {
      throw new InputError(
        `cluster "${name}" uses ${
          c.cluster.authProvider
        }: diehard:kubernetes:apply sends a bearer token, and this provider gives ${
          c.credential.type === 'anonymous' ? 'none' : 'a client certificate'
        }`,
      );
    }
    return {
      server: c.server,
      token: c.credential.token,
      ca: c.ca,
      skipTLSVerify: c.skipTLSVerify,
    };
  }

  needsUserToken(name: string): boolean {
    return this.directory.get(name).needsUserToken;
  }

  authProvider(name: string): string {
    return this.directory.get(name).authProvider;
  }
}

/**
 * The task secret that carries a user's token for a cluster: named like the header
 * the Kubernetes plugin's frontend sends it in, read the same way.
 */
export function userTokenSecret(
  authProvider: string,
  oidcTokenProvider?: string,
): string {
  return `Backstage-Kubernetes-Authorization-${authProvider}${
    authProvider === 'oidc' && oidcTokenProvider ? `-${oidcTokenProvider}` : ''
  }`;
}
