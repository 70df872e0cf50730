/**
 * Extension points of Diehard's HA posture backend, for backend modules that add a
 * company's own checks and manifest sources.
 *
 * @packageDocumentation
 */
export {
  haPostureRulesExtensionPoint,
  haPostureManifestSourcesExtensionPoint,
} from './extensions';
export type {
  HaPostureRulesExtensionPoint,
  HaPostureManifestSourcesExtensionPoint,
  HaPostureManifestSource,
  HaPostureManifests,
} from './extensions';
export type {
  PostureRule,
  RuleCheck,
  RuleContext,
  RuleMessages,
  Workload,
} from '@diehard/plugin-ha-posture-common';
export {
  containersOf,
  findingFor,
  workloadLabel,
} from '@diehard/plugin-ha-posture-common';
