/**
 * Diehard's HA posture engine: which failures a service survives, which it does not, and why.
 * Isomorphic: no Node-only or React imports.
 *
 * @packageDocumentation
 */

export * from './engine';
export {
  haPostureReadPermission,
  haPostureRefreshPermission,
  haPostureClusterReadPermission,
  haPosturePermissions,
} from './permissions';
export {
  MANIFESTS_PATH_ANNOTATION,
  HIGHLY_AVAILABLE_ANNOTATION,
  RESTRICTED_ANNOTATION,
} from './annotations';
export { HA_POSTURE_SEARCH_TYPE } from './search/searchDocument';
export type { HaPostureSearchFields } from './search/searchDocument';
export { isNodeLocalProvisioner } from './storage/nodeLocalClaims';
export { HaPostureClient } from './api/HaPostureClient';
export type {
  HaPostureApi,
  HaPostureEntityRef,
  HaPostureDiscovery,
  HaPostureFetch,
  HaPostureRequestOptions,
} from './api/HaPostureClient';
export { corpusExpectationSchema } from './corpus/corpusCase';
export type { CorpusExpectation } from './corpus/corpusCase';
export type {
  EntityPosture,
  PostureSource,
  PodPlacement,
  WorkloadPlacement,
  PostureHistoryPoint,
  FleetEntry,
  ClusterPosture,
  ClusterAuth,
  ClusterNotEvaluated,
} from './api/postureApi';
