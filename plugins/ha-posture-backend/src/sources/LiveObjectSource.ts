import { Entity } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import { KubernetesObjectApi } from '@kubernetes/client-node';
import {
  KubeObject,
  MessageRef,
  renderMessage,
} from '@diehard/plugin-ha-posture-common';
import { KubernetesRequestAuth } from '@backstage/plugin-kubernetes-common';
import { KubernetesClusterDirectory } from '@diehard/plugin-kubernetes-clusters-node';
import { apiFailureReason } from './apiFailureReason';
import { reasonMessage } from './reasonMessage';
import { LabelSelector, parseLabelSelector } from './labelSelector';
import { NamespaceObjects, referencedNames } from './scopeToEntity';
import { ListedKind, listObjects } from './listObjects';

const listed = (
  apiVersion: string,
  kind: string,
  resource: string,
): ListedKind => ({ apiVersion, kind, resource });
const POD = listed('v1', 'Pod', 'pods');
const NODE = listed('v1', 'Node', 'nodes');

/** Kinds the posture needs in a service's namespace, beyond the Kubernetes plugin's defaults. */
const NAMESPACED_KINDS = [
  POD,
  listed('v1', 'Service', 'services'),
  listed('v1', 'ConfigMap', 'configmaps'),
  listed('v1', 'Secret', 'secrets'),
  listed('v1', 'ServiceAccount', 'serviceaccounts'),
  listed('v1', 'PersistentVolumeClaim', 'persistentvolumeclaims'),
  listed('apps/v1', 'Deployment', 'deployments'),
  listed('apps/v1', 'ReplicaSet', 'replicasets'),
  listed('apps/v1', 'StatefulSet', 'statefulsets'),
  listed('apps/v1', 'DaemonSet', 'daemonsets'),
  listed('networking.k8s.io/v1', 'Ingress', 'ingresses'),
  listed('networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicies'),
  listed('policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets'),
  listed(
    'autoscaling/v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
  ),
  listed('rbac.authorization.k8s.io/v1', 'Role', 'roles'),
  listed('rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings'),
];

const CLUSTER_KINDS = [
  NODE,
  listed('v1', 'PersistentVolume', 'persistentvolumes'),
  listed('storage.k8s.io/v1', 'StorageClass', 'storageclasses'),
];

/** What the cluster-level posture reads beyond nodes and kube-system's pods. */
const ENDPOINTS = listed('v1', 'Endpoints', 'endpoints');
const ENDPOINT_SLICES = listed(
  'discovery.k8s.io/v1',
  'EndpointSlice',
  'endpointslices',
);
const LEASES = listed('coordination.k8s.io/v1', 'Lease', 'leases');

export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';
export const KUBERNETES_LABEL_SELECTOR_ANNOTATION =
  'backstage.io/kubernetes-label-selector';

/** The label selector the Kubernetes plugin itself would use for this entity. */
export function entityLabelSelector(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  if (annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION]) {
    return annotations[KUBERNETES_LABEL_SELECTOR_ANNOTATION];
  }
  const id = annotations[KUBERNETES_ID_ANNOTATION];
  return id ? `${KUBERNETES_ID_ANNOTATION}=${id}` : undefined;
}

export interface ClusterObjects {
  cluster: string;
  objects: KubeObject[];
}

/** Every posture-relevant object of a cluster, read once and shared by many entities. */
interface ClusterSnapshot {
  cluster: string;
  byNamespace: Map<string, NamespaceObjects>;
  clusterWide: KubeObject[];
}

/** A cluster that was not read, and why (no address, no token in the reason). */
export interface UnreadCluster {
  cluster: string;
  /** In English. */
  reason: string;
  reasonMessage: MessageRef;
}

function unreadCluster(cluster: string, message: MessageRef): UnreadCluster {
  return { cluster, reason: renderMessage(message), reasonMessage: message };
}

/** What one live read found, and the clusters it could not read. */
export interface LiveRead {
  found: ClusterObjects[];
  unread: UnreadCluster[];
}

/** A picture of every configured cluster, taken once for a whole refresh. */
export interface LiveSnapshot {
  objectsFor(entity: Entity): LiveRead;
}

const OWNED_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Pod']);
const PART_OF = 'app.kubernetes.io/part-of';
/** Kinds that carry their service's labels (pods and ReplicaSets from the template). */
const LABELLED_KINDS = NAMESPACED_KINDS.filter(({ kind }) =>
  ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Pod'].includes(
    kind,
  ),
);
/** Kinds that select or name a service's pods rather than carry its labels. */
const SELECTING_KINDS = NAMESPACED_KINDS.filter(
  ({ kind }) =>
    !LABELLED_KINDS.some(labelled => labelled.kind === kind) &&
    kind !== 'ConfigMap' &&
    kind !== 'Secret',
);

/**
 * Reads, from each cluster, the objects a service is made of. Clusters whose provider
 * needs a signed-in user's token (oidc, google, aks) are read only with that token
 * (`authConfig`, for one request); without it they are named in `unread`.
 */
export class LiveObjectSource {
  constructor(
    private readonly clusters: KubernetesClusterDirectory,
    private readonly logger: LoggerService,
  ) {}

  get clusterNames(): string[] {
    return this.clusters
      .list()
      .filter(c => !c.needsUserToken)
      .map(c => c.name);
  }

  /** How each cluster is reached, without its address: what a frontend needs to send. */
  clusterAuth() {
    return this.clusters
      .list()
      .map(({ name, authProvider, needsUserToken, oidcTokenProvider }) => ({
        name,
        authProvider,
        needsUserToken,
        ...(oidcTokenProvider && { oidcTokenProvider }),
      }));
  }

  /** The clusters `authConfig` (or the backend alone, without it) can read. */
  readableClusters(authConfig?: KubernetesRequestAuth): string[] {
    return this.clusters
      .list()
      .filter(c => !this.clusters.missingToken(c.name, authConfig))
      .map(c => c.name);
  }

  /** The user-side clusters `authConfig` has no token for, with the reason. */
  userSideUnread(authConfig?: KubernetesRequestAuth): UnreadCluster[] {
    return this.clusters
      .list()
      .filter(c => this.clusters.missingToken(c.name, authConfig))
      .map(c =>
        unreadCluster(
          c.name,
          reasonMessage('source.cluster.needsUserToken', {
            cluster: c.name,
            authProvider: c.authProvider,
          }),
        ),
      );
  }

  /** The cluster's KubeConfig, with a fresh credential from its auth strategy. */
  private async kubeConfig(
    cluster: string,
    authConfig?: KubernetesRequestAuth,
  ) {
    const { kubeConfig } = await this.clusters.connect(cluster, { authConfig });
    return kubeConfig;
  }

  /**
   * The entity's objects in each cluster where its labelled workloads run (see
   * {@link NamespaceObjects.scope}), plus nodes and volumes; read now, for this entity alone.
   * Clusters where it does not run are left out.
   */
  async objectsFor(
    entity: Entity,
    authConfig?: KubernetesRequestAuth,
  ): Promise<LiveRead> {
    const unread = this.userSideUnread(authConfig);
    const labelSelector = entityLabelSelector(entity);
    if (!labelSelector) return { found: [], unread: [] };
    const selector = parseLabelSelector(labelSelector);
    const namespaceHint =
      entity.metadata.annotations?.[KUBERNETES_NAMESPACE_ANNOTATION];
    const results = await Promise.all(
      this.readableClusters(authConfig).map(async cluster => {
        try {
          return await this.readForEntity(
            cluster,
            labelSelector,
            selector,
            namespaceHint,
            authConfig,
          );
        } catch (error) {
          this.logger.warn('could not read cluster objects', {
            cluster,
            error: String(error),
          });
          unread.push(
            unreadCluster(
              cluster,
              reasonMessage('source.cluster.noAnswer', {
                cluster,
                failure: apiFailureReason(error),
              }),
            ),
          );
          return undefined;
        }
      }),
    );
    return {
      found: results.filter(
        (r): r is ClusterObjects => !!r && r.objects.length > 0,
      ),
      unread,
    };
  }

  /**
   * Reads every cluster once (one list call per kind, all namespaces), so that a
   * refresh of the whole catalog costs a few dozen API calls rather than dozens per
   * entity. A cluster that cannot be read is logged and left out.
   */
  async snapshot(): Promise<LiveSnapshot> {
    const snapshots = (
      await Promise.all(
        this.clusterNames.map(cluster =>
          this.readCluster(cluster).catch(error => {
            this.logger.warn('could not read cluster objects', {
              cluster,
              error: String(error),
            });
            return undefined;
          }),
        ),
      )
    ).filter((s): s is ClusterSnapshot => !!s);
    const unread = this.userSideUnread();
    return {
      objectsFor(entity: Entity) {
        const labelSelector = entityLabelSelector(entity);
        if (!labelSelector) return { found: [], unread: [] };
        const selector = parseLabelSelector(labelSelector);
        const namespaceHint =
          entity.metadata.annotations?.[KUBERNETES_NAMESPACE_ANNOTATION];
        return {
          found: snapshots
            .map(s => objectsIn(s, selector, namespaceHint))
            .filter((r): r is ClusterObjects => !!r && r.objects.length > 0),
          unread,
        };
      },
    };
  }

  /**
   * What the cluster-level posture reads: nodes, the kube-system pods and leases (API
   * server identities, controller-manager and scheduler leaders) and the
   * default/kubernetes Endpoints and EndpointSlice. Leases and slices the portal may not
   * read are left out: the posture then shows those facts as unknown.
   */
  async clusterObjects(
    name: string,
    authConfig?: KubernetesRequestAuth,
  ): Promise<KubeObject[]> {
    if (!this.readableClusters(authConfig).includes(name)) return [];
    const kubeConfig = await this.kubeConfig(name, authConfig);
    const optional = (read: Promise<KubeObject[]>) =>
      read.catch(error => {
        if (error?.code === 403 || error?.code === 404) return [];
        throw error;
      });
    const lists = await Promise.all([
      listObjects(kubeConfig, NODE),
      listObjects(kubeConfig, POD, { namespace: 'kube-system' }),
      listObjects(kubeConfig, ENDPOINTS, {
        namespace: 'default',
        fieldSelector: 'metadata.name=kubernetes',
      }),
      optional(
        listObjects(kubeConfig, ENDPOINT_SLICES, {
          namespace: 'default',
          labelSelector: 'kubernetes.io/service-name=kubernetes',
        }),
      ),
      optional(listObjects(kubeConfig, LEASES, { namespace: 'kube-system' })),
    ]);
    return lists.flat();
  }

  /**
   * One entity's objects, read for it alone: its labelled workloads, ReplicaSets and
   * pods, those of its `app.kubernetes.io/part-of` application, what selects them in
   * their namespaces, and the ConfigMaps and Secrets they read, by name. Much less
   * than whole namespaces when many services share one.
   */
  private async readForEntity(
    cluster: string,
    labelSelector: string,
    selector: LabelSelector,
    namespaceHint?: string,
    authConfig?: KubernetesRequestAuth,
  ): Promise<ClusterObjects | undefined> {
    const kubeConfig = await this.kubeConfig(cluster, authConfig);
    const api = KubernetesObjectApi.makeApiClient(kubeConfig);
    const labelled = (namespace: string | undefined, labelSelector: string) =>
      Promise.all(
        LABELLED_KINDS.map(kind =>
          listObjects(kubeConfig, kind, { namespace, labelSelector }),
        ),
      ).then(lists => lists.flat());
    const own = await labelled(namespaceHint, labelSelector);
    const namespaces = [
      ...new Set(
        own
          .filter(o => OWNED_KINDS.has(o.kind ?? ''))
          .map(o => o.metadata?.namespace ?? 'default'),
      ),
    ];
    if (namespaces.length === 0) return undefined;

    const perNamespace = await Promise.all(
      namespaces.map(async namespace => {
        const mine = own.filter(
          o => (o.metadata?.namespace ?? 'default') === namespace,
        );
        const applications = [
          ...new Set(
            mine
              .flatMap(o => [
                o.metadata?.labels?.[PART_OF],
                (o as any).spec?.template?.metadata?.labels?.[PART_OF],
              ])
              .filter((p): p is string => !!p),
          ),
        ];
        const [siblings, selecting] = await Promise.all([
          applications.length
            ? labelled(namespace, `${PART_OF} in (${applications.join(',')})`)
            : Promise.resolve([]),
          Promise.all(
            SELECTING_KINDS.map(kind =>
              listObjects(kubeConfig, kind, { namespace }),
            ),
          ).then(lists => lists.flat()),
        ]);
        const workloads = [...mine, ...siblings];
        const read = [
          ...workloads,
          ...selecting,
          ...(await readReferenced(api, namespace, workloads)),
        ];
        const scoped = new NamespaceObjects(unique(read)).scope(selector);
        // A Service in scope whose pods were not read (the database a DSN names,
        // with no label in common): read the workloads it selects, and rescope.
        const behind = (
          await Promise.all(
            unbackedSelectors(scoped, read).map(labels =>
              labelled(namespace, labels),
            ),
          )
        ).flat();
        if (behind.length === 0) return scoped;
        return new NamespaceObjects(
          unique([
            ...read,
            ...behind,
            ...(await readReferenced(api, namespace, behind)),
          ]),
        ).scope(selector);
      }),
    );
    const clusterWide = await Promise.all(
      CLUSTER_KINDS.map(kind => listObjects(kubeConfig, kind)),
    );
    return {
      cluster,
      objects: [...perNamespace.flat(), ...clusterWide.flat()],
    };
  }

  /** The cluster's namespaced objects by namespace, and its cluster-wide ones. */
  private async readCluster(cluster: string): Promise<ClusterSnapshot> {
    const kubeConfig = await this.kubeConfig(cluster);
    const [namespaced, clusterWide] = await Promise.all([
      Promise.all(NAMESPACED_KINDS.map(kind => listObjects(kubeConfig, kind))),
      Promise.all(CLUSTER_KINDS.map(kind => listObjects(kubeConfig, kind))),
    ]);
    const grouped = new Map<string, KubeObject[]>();
    for (const object of namespaced.flat()) {
      const namespace = object.metadata?.namespace ?? 'default';
      const objects = grouped.get(namespace);
      if (objects) objects.push(object);
      else grouped.set(namespace, [object]);
    }
    const byNamespace = new Map(
      [...grouped].map(([namespace, objects]) => [
        namespace,
        new NamespaceObjects(objects),
      ]),
    );
    return {
      cluster,
      byNamespace,
      clusterWide: clusterWide.flat(),
    };
  }
}

/** The entity's objects in one cluster, or undefined when none of its workloads runs there. */
function objectsIn(
  snapshot: ClusterSnapshot,
  selector: LabelSelector,
  namespaceHint?: string,
): ClusterObjects | undefined {
  const namespaces = namespaceHint
    ? [namespaceHint]
    : [...snapshot.byNamespace.keys()];
  const objects = namespaces.flatMap(namespace => {
    const objectsOfNamespace = snapshot.byNamespace.get(namespace);
    return objectsOfNamespace?.runs(selector)
      ? objectsOfNamespace.scope(selector)
      : [];
  });
  if (objects.length === 0) return undefined;
  return {
    cluster: snapshot.cluster,
    objects: [...objects, ...snapshot.clusterWide],
  };
}

/** The ConfigMaps and Secrets the workloads' pod templates read, by name. */
async function readReferenced(
  api: KubernetesObjectApi,
  namespace: string,
  workloads: KubeObject[],
): Promise<KubeObject[]> {
  const wanted: Array<{ kind: string; name: string }> = [];
  const seen = new Set<string>();
  for (const workload of workloads) {
    const { configMaps, secrets } = referencedNames((workload as any).spec);
    for (const [kind, names] of [
      ['ConfigMap', configMaps],
      ['Secret', secrets],
    ] as const) {
      for (const name of names) {
        if (seen.has(`${kind}/${name}`)) continue;
        seen.add(`${kind}/${name}`);
        wanted.push({ kind, name });
      }
    }
  }
  const read = await Promise.all(
    wanted.map(({ kind, name }) =>
      api
        .read({ apiVersion: 'v1', kind, metadata: { name, namespace } })
        .then(object => ({ ...object, apiVersion: 'v1', kind } as KubeObject))
        .catch(error => {
          // Named but missing: the rules report it.
          if (error?.code === 404) return undefined;
          throw error;
        }),
    ),
  );
  return read.filter((o): o is KubeObject => !!o);
}

/** One object per kind and name (the same object may come from several reads). */
function unique(objects: KubeObject[]): KubeObject[] {
  return [
    ...new Map(objects.map(o => [`${o.kind}/${o.metadata?.name}`, o])).values(),
  ];
}

/**
 * The label selectors (`k=v,…`) of the Services in `scoped` that select no workload
 * or pod among `read`.
 */
function unbackedSelectors(scoped: KubeObject[], read: KubeObject[]): string[] {
  const podLabels = read
    .filter(o => OWNED_KINDS.has(o.kind ?? ''))
    .map(o =>
      o.kind === 'Pod'
        ? o.metadata?.labels ?? {}
        : (o as any).spec?.template?.metadata?.labels ?? {},
    );
  const selectors = new Set<string>();
  for (const service of scoped) {
    if (service.kind !== 'Service') continue;
    const selector: Record<string, string> = (service as any).spec?.selector;
    const entries = Object.entries(selector ?? {});
    if (entries.length === 0) continue;
    const backed = podLabels.some(labels =>
      entries.every(([k, v]) => labels[k] === v),
    );
    if (!backed) selectors.add(entries.map(([k, v]) => `${k}=${v}`).join(','));
  }
  return [...selectors];
}
