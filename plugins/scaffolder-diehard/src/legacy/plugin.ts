import { createPlugin } from '@backstage/core-plugin-api';
import {
  FieldExtensionOptions,
  FieldSchema,
  createScaffolderFieldExtension,
} from '@backstage/plugin-scaffolder-react';
import { diehardTargetsApiFactory } from '../api/diehardTargetsApiFactory';
import {
  diehardClusterPickerDefinition,
  diehardEntityNameDefinition,
  diehardGaleraClusterDefinition,
  diehardIngressHostDefinition,
  diehardNamespacePickerDefinition,
  diehardStorageClassDefinition,
  diehardUserLanguageDefinition,
} from '../components/fields';

/**
 * Diehard's scaffolder fields for an app of Backstage's legacy frontend system: the client
 * its pickers read, and the field extensions below, for the app's
 * `<ScaffolderFieldExtensions>`.
 *
 * @public
 */
export const scaffolderDiehardLegacyPlugin = createPlugin({
  id: 'scaffolder-diehard',
  apis: [diehardTargetsApiFactory],
});

/** A field's definition as the legacy scaffolder takes it: its schema as JSON Schema. */
function legacy(
  field: Omit<FieldExtensionOptions<any, any>, 'schema'> & {
    schema: FieldSchema<any, any>;
  },
): FieldExtensionOptions<any, any> {
  return { ...field, schema: field.schema.schema };
}

/** `ui:field: DiehardClusterPicker` (legacy frontend system). @public */
export const DiehardClusterPickerFieldExtension =
  scaffolderDiehardLegacyPlugin.provide(
    createScaffolderFieldExtension(legacy(diehardClusterPickerDefinition)),
  );

/** `ui:field: DiehardNamespacePicker` (legacy frontend system). @public */
export const DiehardNamespacePickerFieldExtension =
  scaffolderDiehardLegacyPlugin.provide(
    createScaffolderFieldExtension(legacy(diehardNamespacePickerDefinition)),
  );

/** `ui:field: DiehardEntityName` (legacy frontend system). @public */
export const DiehardEntityNameFieldExtension =
  scaffolderDiehardLegacyPlugin.provide(
    createScaffolderFieldExtension(legacy(diehardEntityNameDefinition)),
  );

/** `ui:field: DiehardGaleraCluster` (legacy frontend system). @public */
export const DiehardGaleraClusterFieldExtension =
  scaffolderDiehardLegacyPlugin.provide(
    createScaffolderFieldExtension(legacy(diehardGaleraClusterDefinition)),
  );

/** `ui:field: DiehardStorageClass` (legacy frontend system). @public */
export const DiehardStorageClassFieldExtension =
  scaffolderDiehardLegacyPlugin.provide(
    createScaffolderFieldExtension(legacy(diehardStorageClassDefinition)),
  );

/** `ui:field: DiehardIngressHost` (legacy frontend system). @public */
export const DiehardIngressHostFieldExtension =
  scaffolderDiehardLegacyPlugin.provide(
    createScaffolderFieldExtension(legacy(diehardIngressHostDefinition)),
  );

/** `ui:field: DiehardUserLanguage` (legacy frontend system). @public */
export const DiehardUserLanguageFieldExtension =
  scaffolderDiehardLegacyPlugin.provide(
    createScaffolderFieldExtension(legacy(diehardUserLanguageDefinition)),
  );
