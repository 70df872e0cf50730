/**
 * Diehard's scaffolder form fields: `DiehardClusterPicker` and
 * `DiehardNamespacePicker`, listing what `diehard.apply.clusters` lets the signed-in
 * user deploy to (`GET /api/scaffolder/diehard/targets`), `DiehardEntityName`, which
 * refuses a name the catalog already has, `DiehardGaleraCluster`, which offers the
 * Galera clusters the catalog has on the form's target and refuses any other, and
 * `DiehardStorageClass`, which does the same with the target cluster's storage classes,
 * and `DiehardIngressHost`, which refuses a host another Ingress of the cluster serves;
 * with the scaffolder's and the catalog's clients, templates in the user's language.
 * The default export serves an app of the new frontend system;
 * `scaffolderDiehardLegacyPlugin`, its field extensions and the two client factories
 * an app of the legacy one.
 *
 * @packageDocumentation
 */

import {
  catalogModuleDiehardTemplateTranslations,
  scaffolderDiehardFeatures,
  scaffolderModuleDiehardFields,
} from './module';

export default scaffolderDiehardFeatures;
export {
  catalogModuleDiehardTemplateTranslations,
  scaffolderDiehardFeatures,
  scaffolderModuleDiehardFields,
};
export {
  DiehardClusterPickerFieldExtension,
  DiehardEntityNameFieldExtension,
  DiehardGaleraClusterFieldExtension,
  DiehardIngressHostFieldExtension,
  DiehardNamespacePickerFieldExtension,
  DiehardStorageClassFieldExtension,
  DiehardUserLanguageFieldExtension,
  scaffolderDiehardLegacyPlugin,
  translatingCatalogApiFactory,
  translatingScaffolderApiFactory,
} from './legacy';
export { diehardTargetsApiRef } from './api';
export { DiehardTargetsClient } from '@diehard/plugin-scaffolder-diehard-common';
export type {
  DeployTarget as DiehardTarget,
  DiehardTargetsApi,
  TargetIngressHostQuery,
  TargetIngressHostResponse,
  TargetStorageClass,
  TargetUserToken,
} from '@diehard/plugin-scaffolder-diehard-common';
export type { DiehardNamespacePickerOptions } from './components/DiehardNamespacePicker';
export type { DiehardEntityNameOptions } from './components/DiehardEntityName';
export type { DiehardGaleraClusterOptions } from './components/DiehardGaleraCluster';
export type { DiehardStorageClassOptions } from './components/DiehardStorageClass';
export type { DiehardIngressHostOptions } from './components/DiehardIngressHost';
export {
  scaffolderDiehardTranslationRef,
  scaffolderDiehardTranslations,
} from './translation';
