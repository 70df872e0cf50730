import path from 'node:path';
import {
  galeraOperations,
  GaleraEndpoint,
  WsrepStatus,
} from './components/galera';
import type { GitEndpoint } from './components/git';
import type { OidcEndpoint } from './components/oidc';
import type { KubernetesEndpoint } from './components/kubernetes';
import {
  ControlPlaneEndpoint,
  controlPlaneOperations,
  ControlPlaneOperations,
} from './components/kubernetes/controlPlane';
import type { PostgresEndpoint } from './components/postgres';
import type { RegistryEndpoint } from './components/registry';
import {
  checkTomcatInstalled,
  startTomcat,
  TomcatInstance,
  TomcatOptions,
} from './components/tomcat';
import type { ComponentName } from './components/types';
import type { LabEndpoints } from './endpoints';
import { labUp, LabRunOptions } from './lab';
import { labPaths } from './paths';
import { silentReporter, stderrReporter } from './util/reporter';

/** The Galera cluster, and failure operations on its nodes (0-based, as in `nodes`). */
export interface GaleraLab extends GaleraEndpoint {
  /**
   * Runs fn with the shared cluster to itself: a suite kills or partitions a node only
   * in here (as does one that needs every node up). Starts once the 3 nodes are Synced
   * in one Primary component and leaves them so (restarting what fn left down); other
   * suites' calls wait.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** SIGKILL node i; it stays down (even across `lab up`) until restart(i). */
  kill(i: number): Promise<void>;
  /** Starts node i again; resolves once it is Synced in the Primary component. */
  restart(i: number): Promise<void>;
  /** Isolates node i from the group; resolves once it is out of the Primary component. */
  partition(i: number): Promise<void>;
  /** Ends the isolation of node i; resolves once it is Synced again. */
  heal(i: number): Promise<void>;
  status(i: number): Promise<WsrepStatus>;
}

/**
 * The Kubernetes cluster; with the multi-master control plane (`controlPlane: 'ha'`),
 * its members and failure operations on them (`kill('etcd-1')`, `restart('etcd-1')`).
 */
export interface KubernetesLab extends KubernetesEndpoint {
  controlPlane?: ControlPlaneEndpoint & ControlPlaneOperations;
}

/** Starts a Tomcat 10.1 on a loopback address and port, serving a CATALINA_BASE. */
export type TomcatLab = (options: TomcatOptions) => Promise<TomcatInstance>;

/** What a jest suite gets from `useLab`: typed endpoints (and helpers) per component. */
export interface Lab {
  postgres: PostgresEndpoint;
  registry: RegistryEndpoint;
  kubernetes: KubernetesLab;
  galera: GaleraLab;
  tomcat: TomcatLab;
  git: GitEndpoint;
  oidc: OidcEndpoint;
}

export interface UseLabOptions {
  /** KWOK fake nodes for `kubernetes` (default and minimum 6, or $DIEHARD_LAB_NODES). */
  nodes?: number;
  /** Namespaces where the portal's ServiceAccount may apply (default diehard-apps). */
  portalNamespaces?: string[];
  /**
   * `kubernetes`' control plane: `single` (default, or $DIEHARD_LAB_CONTROL_PLANE) or
   * `ha` (3 etcd members, 3 API servers behind a virtual address, leader election).
   */
  controlPlane?: 'single' | 'ha';
}

/**
 * Starts (or reuses) just the named lab components and returns their endpoints.
 * Safe to call from parallel jest workers. A component that cannot start throws a
 * LabError saying why: a suite that needs the lab fails, it is never skipped.
 * The processes outlive the suite; `yarn lab down` stops them.
 *
 *   const lab = await useLab(['postgres']);
 *   const client = new Client({ connectionString: lab.postgres.connectionString });
 */
export async function useLab<N extends ComponentName>(
  names: readonly N[],
  options: UseLabOptions = {},
): Promise<Pick<Lab, N>> {
  const paths = labPaths();
  const run: LabRunOptions = {
    ...options,
    paths,
    report: process.env.DIEHARD_LAB_VERBOSE ? stderrReporter : silentReporter,
  };
  // `tomcat` is a function that starts instances: nothing to start up front.
  if (names.includes('tomcat' as N)) checkTomcatInstalled();
  const endpoints: Partial<LabEndpoints> = await labUp(
    names.filter(n => n !== 'tomcat') as ComponentName[],
    run,
  );
  const lab: Partial<Lab> = {};
  for (const name of names as readonly ComponentName[]) {
    switch (name) {
      case 'galera':
        lab.galera = {
          ...endpoints.galera!,
          ...galeraOperations({
            paths,
            dir: path.join(paths.stateDir, 'galera'),
          }),
        };
        break;
      case 'tomcat':
        lab.tomcat = startTomcat;
        break;
      case 'kubernetes': {
        const { controlPlane, ...k8s } = endpoints.kubernetes!;
        lab.kubernetes = controlPlane
          ? {
              ...k8s,
              controlPlane: {
                ...controlPlane,
                ...controlPlaneOperations({
                  dir: path.join(paths.stateDir, 'kubernetes'),
                  stateDir: paths.stateDir,
                  caPem: k8s.caPem,
                }),
              },
            }
          : k8s;
        break;
      }
      default:
        (lab as Record<string, unknown>)[name] = endpoints[name];
    }
  }
  return lab as Pick<Lab, N>;
}
