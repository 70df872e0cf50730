import { Config } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import fs from 'node:fs';
import { KubeClientOptions } from './KubeClient';

/** A cluster as the Kubernetes plugin declares it (config locator), plus our allowlist. */
export interface ApplyCluster {
  name: string;
  url: string;
  /** Built from the cluster's serviceAccountToken and CA; never from template input. */
  connection: KubeClientOptions;
  /** Namespaces objects may be applied in (and Namespace objects that may be applied). */
  namespaces: string[];
  /** Kinds that may be applied. */
  kinds: string[];
}

/**
 * Clusters come from the Kubernetes plugin's own config
 * (`kubernetes.clusterLocatorMethods[type=config].clusters[]`); what may be applied
 * to each from `diehard.apply.clusters[]`. A cluster without an allowlist entry
 * cannot be applied to.
 */
export class ClusterDirectory {
  private constructor(
    private readonly clusters: Map<string, Config>,
    private readonly allow: Map<string, Config>,
  ) {}

  static fromConfig(config: Config): ClusterDirectory {
    const clusters = new Map<string, Config>();
    for (const method of config.getOptionalConfigArray(
      'kubernetes.clusterLocatorMethods',
    ) ?? []) {
      if (method.getString('type') !== 'config') continue;
      for (const c of method.getOptionalConfigArray('clusters') ?? [])
        clusters.set(c.getString('name'), c);
    }
    const allow = new Map<string, Config>();
    for (const a of config.getOptionalConfigArray('diehard.apply.clusters') ??
      [])
      allow.set(a.getString('name'), a);
    return new ClusterDirectory(clusters, allow);
  }

  /** Names of clusters that are both declared and allowlisted. */
  names(): string[] {
    return [...this.clusters.keys()].filter(n => this.allow.has(n));
  }

  has(name: string) {
    return this.clusters.has(name) && this.allow.has(name);
  }

  get(name: string): ApplyCluster {
    const c = this.clusters.get(name);
    const a = this.allow.get(name);
    if (!c || !a) {
      const known = this.names();
      throw new NotFoundError(
        `no cluster named "${name}" is open to diehard:kubernetes:apply (configured: ${
          known.length ? known.join(', ') : 'none'
        }); clusters come from kubernetes.clusterLocatorMethods and need an entry in diehard.apply.clusters`,
      );
    }
    const authProvider =
      c.getOptionalString('authProvider') ?? 'serviceAccount';
    if (authProvider !== 'serviceAccount') {
      throw new InputError(
        `cluster "${name}": authProvider "${authProvider}" is not supported by diehard:kubernetes:apply (use serviceAccount)`,
      );
    }
    const token = c.getOptionalString('serviceAccountToken');
    if (!token)
      throw new InputError(
        `cluster "${name}" has no serviceAccountToken in the kubernetes config`,
      );
    const url = c.getString('url');
    let ca: string | undefined;
    const caData = c.getOptionalString('caData');
    const caFile = c.getOptionalString('caFile');
    if (caData) {
      // As in kubeconfig and the Kubernetes plugin: base64 of the PEM (PEM itself is accepted too).
      ca = caData.includes('-----BEGIN')
        ? caData
        : Buffer.from(caData, 'base64').toString('utf8');
    } else if (caFile) {
      try {
        ca = fs.readFileSync(caFile, 'utf8');
      } catch (e) {
        throw new InputError(
          `cluster "${name}": cannot read caFile ${caFile}: ${
            (e as Error).message
          }`,
        );
      }
    }
    return {
      name,
      url,
      connection: {
        server: url,
        token,
        ca,
        skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
      },
      namespaces: a.getOptionalStringArray('namespaces') ?? [],
      kinds: a.getOptionalStringArray('kinds') ?? [],
    };
  }
}
