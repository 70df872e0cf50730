/**
 * Diehard scaffolder actions: build and push OCI images to a configured registry,
 * gate on HA posture, and server-side apply to a configured Kubernetes cluster.
 *
 * @packageDocumentation
 */
export { scaffolderModuleDiehard as default } from './module';
export { createGitPushAction } from './actions/gitPush';
export { createGitCheckPushAction } from './actions/gitCheckPush';
export type { GitPushActionOptions } from './actions/gitPush';
export type { GitCheckPushActionOptions } from './actions/gitCheckPush';
export { createCatalogCheckNameAction } from './actions/catalogCheckName';
export type { CatalogCheckNameActionOptions } from './actions/catalogCheckName';
export { createCatalogWaitAction } from './actions/catalogWait';
export type { CatalogWaitActionOptions } from './actions/catalogWait';
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
export type { DeployTarget } from '@diehard/plugin-scaffolder-diehard-common';
export {
  createPostureGateAction,
  PostureGateError,
} from './actions/postureGate';
export type { PostureGateActionOptions } from './actions/postureGate';
export {
  clusterConditions,
  createClusterConditionalDecision,
  clusterPermissionRules,
  clusterResourceRef,
  isCluster,
} from './permissions/clusterRules';
export type { ClusterResource } from './permissions/clusterRules';
export {
  createImageRepositoryConditionalDecision,
  imageRepositoryConditions,
  imageRepositoryPermissionRules,
  imageRepositoryResourceRef,
  isRepositoryUnder,
} from './permissions/imageRepositoryRules';
export type { ImageRepositoryResource } from './permissions/imageRepositoryRules';
export {
  createGitRepositoryConditionalDecision,
  gitRepositoryConditions,
  gitRepositoryPermissionRules,
  gitRepositoryResourceRef,
  isGitOwner,
} from './permissions/gitRepositoryRules';
export type { GitRepositoryResource } from './permissions/gitRepositoryRules';
// The apply machinery of diehard:kubernetes:apply, for the apply bench (@diehard/bench).
export { applyBundle } from './kubernetes/applyBundle';
export type {
  AppliedObject,
  ApplyBundleOptions,
  ApplyOutcome,
} from './kubernetes/applyBundle';
export { enforceAllowlist } from './kubernetes/allowlist';
export type { Allowlist } from './kubernetes/allowlist';
export { loadBundle } from './kubernetes/bundle';
export type { BundleObject, ManifestObject } from './kubernetes/bundle';
export { KubeApiError, KubeClient } from './kubernetes/KubeClient';
export type { KubeClientOptions } from './kubernetes/KubeClient';
export { applyWaves } from './kubernetes/order';
