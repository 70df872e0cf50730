import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of a Kubernetes cluster as diehard:kubernetes:apply sees it.
 *
 * @public
 */
export const DIEHARD_CLUSTER_RESOURCE_TYPE = 'diehard-kubernetes-cluster';

/**
 * Permission to server-side apply objects to a cluster with
 * `diehard:kubernetes:apply`. A resource permission: the resource is the cluster,
 * referred to by its name in `kubernetes.clusterLocatorMethods`, so a policy can
 * allow some users some clusters (with the IS_CLUSTER rule) or decide outright.
 *
 * @public
 */
export const kubernetesApplyPermission = createPermission({
  name: 'diehard.kubernetes.apply',
  attributes: { action: 'update' },
  resourceType: DIEHARD_CLUSTER_RESOURCE_TYPE,
});

/** @public */
export const diehardPermissions = [kubernetesApplyPermission];
