/**
 * One directory of the Kubernetes plugin's clusters, with its auth strategies.
 *
 * @packageDocumentation
 */
export {
  KubernetesClusterDirectory,
  type ClusterConnection,
  type ConnectOptions,
  type KubernetesCluster,
  type KubernetesClusterDirectoryOptions,
} from './KubernetesClusterDirectory';
export { kubernetesClustersServiceRef } from './service';
export { readClusterDetails } from './readClusters';
export { requestAuthFromHeaders } from './requestAuth';
export type { KubernetesRequestAuth } from '@backstage/plugin-kubernetes-common';
