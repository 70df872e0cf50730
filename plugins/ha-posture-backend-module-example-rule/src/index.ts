/**
 * An example of a company's own HA posture rule, added to the posture backend through
 * `haPostureRulesExtensionPoint`: copy it to add your checks.
 *
 * @packageDocumentation
 */
export { haPostureModuleExampleRule as default } from './module';
export { preStopRule, preStopCheck } from './preStopRule';
