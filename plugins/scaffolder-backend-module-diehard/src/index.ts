/**
 * Diehard scaffolder actions: build and push OCI images to a configured registry,
 * gate on HA posture, and server-side apply to a configured Kubernetes cluster.
 *
 * @packageDocumentation
 */
export { scaffolderModuleDiehard as default } from './module';
export { createGitPushAction } from './actions/gitPush';
export type { GitPushActionOptions } from './actions/gitPush';
export { createImageBuildAction } from './actions/imageBuild';
export type { ImageBuildActionOptions } from './actions/imageBuild';
export { createImagePushAction } from './actions/imagePush';
export type { ImagePushActionOptions } from './actions/imagePush';
export { createKubernetesApplyAction } from './actions/kubernetesApply';
export type { KubernetesApplyActionOptions } from './actions/kubernetesApply';
export { createImageCheckBuildAction } from './actions/imageCheckBuild';
export type { ImageCheckBuildActionOptions } from './actions/imageCheckBuild';
export { createKubernetesCheckTargetAction } from './actions/kubernetesCheckTarget';
export type { KubernetesCheckTargetActionOptions } from './actions/kubernetesCheckTarget';
export { readDeployTargets } from './targets/deployTargets';
export type { DeployTarget } from './targets/deployTargets';
export {
  createPostureGateAction,
  PostureGateError,
} from './actions/postureGate';
export {
  DIEHARD_CLUSTER_RESOURCE_TYPE,
  diehardPermissions,
  kubernetesApplyPermission,
} from './permissions/permissions';
export {
  clusterConditions,
  createClusterConditionalDecision,
  clusterPermissionRules,
  clusterResourceRef,
  isCluster,
} from './permissions/rules';
export type { ClusterResource } from './permissions/rules';
