/**
 * Extension points of Diehard's HA posture backend, for backend modules that add a
 * company's own checks.
 *
 * @packageDocumentation
 */
export { haPostureRulesExtensionPoint } from './extensions';
export type { HaPostureRulesExtensionPoint } from './extensions';
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
