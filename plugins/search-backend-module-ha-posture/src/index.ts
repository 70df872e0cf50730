/**
 * Search collator for Diehard's HA postures (document type `ha-posture`).
 *
 * @packageDocumentation
 */
export { searchModuleHaPostureCollator as default } from './module';
export { HaPostureCollatorFactory } from './collator/HaPostureCollatorFactory';
export type { HaPostureDocument } from './collator/postureDocument';
export { HA_POSTURE_DOCUMENT_TYPE } from './collator/postureDocument';
