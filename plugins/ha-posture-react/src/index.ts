/**
 * What other frontend plugins use to add a section to Diehard's HA posture card, and to
 * show the posture engine's messages in the user's language.
 *
 * @packageDocumentation
 */
export { HaPostureCardSectionBlueprint } from './HaPostureCardSectionBlueprint';
export {
  haPostureFindingsTranslationRef,
  haPostureFindingsTranslations,
} from './findingsTranslation';
export { useEngineMessages } from './useEngineMessages';
export { useLanguage } from './useLanguage';
