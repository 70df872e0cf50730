/**
 * Diehard's scaffolder form fields (new frontend system): `DiehardClusterPicker` and
 * `DiehardNamespacePicker`, listing what `diehard.apply.clusters` lets the signed-in
 * user deploy to (`GET /api/scaffolder/diehard/targets`).
 *
 * @packageDocumentation
 */

import { scaffolderModuleDiehardFields } from './module';

export default scaffolderModuleDiehardFields;
export { scaffolderModuleDiehardFields };
export { diehardTargetsApiRef, DiehardTargetsClient } from './api';
export type { DiehardTarget, DiehardTargetsApi } from './api';
export type { DiehardNamespacePickerOptions } from './components/DiehardNamespacePicker';
export {
  scaffolderDiehardTranslationRef,
  scaffolderDiehardTranslations,
} from './translation';
