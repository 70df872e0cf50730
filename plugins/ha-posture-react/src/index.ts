/**
 * What other frontend plugins use to add a section to Diehard's HA posture card.
 *
 * @packageDocumentation
 */
export { HaPostureCardSectionBlueprint } from './HaPostureCardSectionBlueprint';
