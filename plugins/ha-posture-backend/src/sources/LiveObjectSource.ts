import { Entity } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import { KubernetesObjectApi } from '@kubernetes/client-node';
import { KubeObject } from '@diehard/plugin-ha-posture-common';
import { ClusterConnection } from './clusters';

/** Kinds the posture needs in a service's namespace, beyond the Kubernetes plugin's defaults. */
const NAMESPACED_KINDS: Array<[apiVersion: string, kind: string]> = [
  ['v1', 'Pod'],
  ['v1', 'Service'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'ServiceAccount'],
  ['v1', 'PersistentVolumeClaim'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'DaemonSet'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['policy/v1', 'PodDisruptionBudget'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'],
];

const CLUSTER_KINDS: Array<[apiVersion: string, kind: string]> = [
  ['v1', 'Node'],
  ['v1', 'PersistentVolume'],
  ['storage.k8s.io/v1', 'StorageClass'],
];

export const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
export const KUBERNETES_NAMESPACE_ANNOTATION = 'backstage.io/kubernetes-namespace';
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

/** Reads, from each configured cluster, the objects a service is made of. */
export class LiveObjectSource {
  constructor(
    private readonly clusters: ClusterConnection[],
    private readonly logger: LoggerService,
  ) {}

  get clusterNames(): string[] {
    return this.clusters.map(c => c.name);
  }

  /**
   * Every posture-relevant object of the namespaces where the entity's labelled
   * workloads run (Services, PDBs, policies and RBAC select pods without carrying the
   * entity's label), plus nodes and volumes. Clusters where it does not run are left out.
   */
  async objectsFor(entity: Entity): Promise<ClusterObjects[]> {
    const labelSelector = entityLabelSelector(entity);
    if (!labelSelector) return [];
    const namespaceHint =
      entity.metadata.annotations?.[KUBERNETES_NAMESPACE_ANNOTATION];
    const results = await Promise.all(
      this.clusters.map(async cluster => {
        try {
          return await this.objectsInCluster(cluster, labelSelector, namespaceHint);
        } catch (error) {
          this.logger.warn('could not read cluster objects', {
            cluster: cluster.name,
            error: String(error),
          });
          return undefined;
        }
      }),
    );
    return results.filter((r): r is ClusterObjects => !!r && r.objects.length > 0);
  }

  /** What the cluster-level posture reads: nodes and the control plane's pods. */
  async clusterObjects(name: string): Promise<KubeObject[]> {
    const cluster = this.clusters.find(c => c.name === name);
    if (!cluster) return [];
    const api = KubernetesObjectApi.makeApiClient(cluster.kubeConfig);
    const [nodes, systemPods, endpoints] = await Promise.all([
      list(api, 'v1', 'Node'),
      list(api, 'v1', 'Pod', 'kube-system'),
      list(api, 'v1', 'Endpoints', 'default', 'metadata.name=kubernetes'),
    ]);
    return [...nodes, ...systemPods, ...endpoints];
  }

  private async objectsInCluster(
    cluster: ClusterConnection,
    labelSelector: string,
    namespaceHint?: string,
  ): Promise<ClusterObjects | undefined> {
    const api = KubernetesObjectApi.makeApiClient(cluster.kubeConfig);
    const owned = await Promise.all(
      (['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'] as const).map(kind =>
        list(
          api,
          kind === 'Pod' ? 'v1' : 'apps/v1',
          kind,
          namespaceHint,
          undefined,
          labelSelector,
        ),
      ),
    );
    const namespaces = new Set(
      owned.flat().map(o => o.metadata?.namespace ?? 'default'),
    );
    if (namespaces.size === 0) return undefined;

    const namespaced = await Promise.all(
      [...namespaces].flatMap(namespace =>
        NAMESPACED_KINDS.map(([apiVersion, kind]) =>
          list(api, apiVersion, kind, namespace),
        ),
      ),
    );
    const clusterWide = await Promise.all(
      CLUSTER_KINDS.map(([apiVersion, kind]) => list(api, apiVersion, kind)),
    );
    return { cluster: cluster.name, objects: [...namespaced, ...clusterWide].flat() };
  }
}

async function list(
  api: KubernetesObjectApi,
  apiVersion: string,
  kind: string,
  namespace?: string,
  fieldSelector?: string,
  labelSelector?: string,
): Promise<KubeObject[]> {
  const response = await api.list(
    apiVersion,
    kind,
    namespace,
    undefined,
    undefined,
    undefined,
    fieldSelector,
    labelSelector,
  );
  // List items come without apiVersion and kind; the engine needs both.
  return response.items.map(item => ({ ...item, apiVersion, kind }) as KubeObject);
}
