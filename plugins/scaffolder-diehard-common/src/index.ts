/**
 * What Diehard's scaffolder backend module and its frontend pickers share: the
 * `diehard.kubernetes.apply` permission, and the contract and client of
 * `GET /api/scaffolder/diehard/targets`.
 *
 * @packageDocumentation
 */
export {
  DIEHARD_CLUSTER_RESOURCE_TYPE,
  diehardPermissions,
  kubernetesApplyPermission,
} from './permissions';
export { DEPLOY_TARGETS_PATH } from './targets';
export type { DeployTarget, DeployTargetsResponse } from './targets';
export { DiehardTargetsClient } from './DiehardTargetsClient';
export type { DiehardTargetsApi } from './DiehardTargetsClient';
