/**
 * What Diehard's scaffolder backend module and its frontend pickers share: the
 * `diehard.kubernetes.apply`, `diehard.image.push` and `diehard.git.push` permissions, the contract and client of
 * `GET /api/scaffolder/diehard/targets` (and of each target's storage classes and Ingress hosts), and the annotations the templates write.
 *
 * @packageDocumentation
 */
export {
  DIEHARD_CLUSTER_RESOURCE_TYPE,
  DIEHARD_GIT_REPOSITORY_RESOURCE_TYPE,
  DIEHARD_IMAGE_REPOSITORY_RESOURCE_TYPE,
  diehardPermissions,
  gitPushPermission,
  imagePushPermission,
  kubernetesApplyPermission,
} from './permissions';
export {
  DEPLOY_TARGETS_PATH,
  targetIngressHostPath,
  targetStorageClassesPath,
} from './targets';
export type {
  DeployTarget,
  DeployTargetsResponse,
  TargetIngressHostQuery,
  TargetIngressHostResponse,
  TargetStorageClass,
  TargetStorageClassesResponse,
} from './targets';
export { DiehardTargetsClient } from './DiehardTargetsClient';
export type {
  DiehardTargetsApi,
  TargetUserToken,
} from './DiehardTargetsClient';
export {
  GALERA_NODES_ANNOTATION,
  TARGET_CLUSTER_ANNOTATION,
} from './annotations';
