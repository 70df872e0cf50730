import { createPermission } from '@backstage/plugin-permission-common';

/** The resource type of a Kubernetes cluster as diehard:kubernetes:apply sees it. */
export const DIEHARD_CLUSTER_RESOURCE_TYPE = 'diehard-kubernetes-cluster';

/**
 * Permission to server-side apply objects to a cluster with
 * `diehard:kubernetes:apply`. A resource permission: the resource is the cluster,
 * referred to by its name in `kubernetes.clusterLocatorMethods`, so a policy can
 * allow some users some clusters (with the IS_CLUSTER rule) or decide outright.
 */
export const kubernetesApplyPermission = createPermission({
  name: 'diehard.kubernetes.apply',
  attributes: { action: 'update' },
  resourceType: DIEHARD_CLUSTER_RESOURCE_TYPE,
});

export const diehardPermissions = [kubernetesApplyPermission];
