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

/**
 * The resource type of an image repository as diehard:image:push sees it.
 *
 * @public
 */
export const DIEHARD_IMAGE_REPOSITORY_RESOURCE_TYPE =
  'diehard-image-repository';

/**
 * Permission to push (and so to write tags in) an image repository with
 * `diehard:image:push`. A resource permission: the resource is
 * `<registry>/<repository>`, the registry named as in `diehard.registries`, so that a
 * policy can keep the platform's base images out of everyone's reach (with the
 * IS_REPOSITORY_UNDER rule) or decide outright.
 *
 * @public
 */
export const imagePushPermission = createPermission({
  name: 'diehard.image.push',
  attributes: { action: 'update' },
  resourceType: DIEHARD_IMAGE_REPOSITORY_RESOURCE_TYPE,
});

/**
 * The resource type of a git repository as diehard:git:push sees it.
 *
 * @public
 */
export const DIEHARD_GIT_REPOSITORY_RESOURCE_TYPE = 'diehard-git-repository';

/**
 * Permission to publish a new repository or branch with `diehard:git:push` (and to have
 * `diehard:git:check-push` say it can). A resource permission: the resource is the
 * remote URL (`<baseUrl>/<owner>/<name>.git` on a server of `diehard.git.servers`), so a
 * policy can keep users to some owners' folders (with the IS_GIT_OWNER rule).
 *
 * @public
 */
export const gitPushPermission = createPermission({
  name: 'diehard.git.push',
  attributes: { action: 'create' },
  resourceType: DIEHARD_GIT_REPOSITORY_RESOURCE_TYPE,
});

/** @public */
export const diehardPermissions = [
  kubernetesApplyPermission,
  imagePushPermission,
  gitPushPermission,
];
