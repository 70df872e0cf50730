import {
  ApiBlueprint,
  createFrontendModule,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { DiehardTargetsClient } from '@diehard/plugin-scaffolder-diehard-common';
import { diehardTargetsApiRef } from './api';

/** `api:scaffolder/diehard-targets`: what the pickers list. */
export const diehardTargetsApi = ApiBlueprint.make({
  name: 'diehard-targets',
  params: defineParams =>
    defineParams({
      api: diehardTargetsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DiehardTargetsClient({ discoveryApi, fetchApi }),
    }),
});

/** `scaffolder-form-field:scaffolder/diehard-cluster-picker`. */
export const diehardClusterPickerField = FormFieldBlueprint.make({
  name: 'diehard-cluster-picker',
  params: {
    field: () =>
      import('./components/fields').then(m => m.DiehardClusterPicker),
  },
});

/** `scaffolder-form-field:scaffolder/diehard-namespace-picker`. */
export const diehardNamespacePickerField = FormFieldBlueprint.make({
  name: 'diehard-namespace-picker',
  params: {
    field: () =>
      import('./components/fields').then(m => m.DiehardNamespacePicker),
  },
});

/**
 * The templates' cluster and namespace pickers, added to the scaffolder plugin.
 *
 * @public
 */
export const scaffolderModuleDiehardFields = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    diehardTargetsApi,
    diehardClusterPickerField,
    diehardNamespacePickerField,
  ],
});
