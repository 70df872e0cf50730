import {
  ApiBlueprint,
  createFrontendFeatureLoader,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import { diehardTargetsApiFactory } from './api/diehardTargetsApiFactory';
import {
  translatingCatalogApiFactory,
  translatingScaffolderApiFactory,
} from './templateTranslations/apiFactories';

/** `api:scaffolder/diehard-targets`: what the pickers list. */
export const diehardTargetsApi = ApiBlueprint.make({
  name: 'diehard-targets',
  params: defineParams => defineParams(diehardTargetsApiFactory),
});

/**
 * `api:scaffolder`, in place of the scaffolder plugin's own: the same client, whose template
 * forms come in the user's language (`ui:translations` in the template).
 */
export const translatingScaffolderApi = ApiBlueprint.make({
  params: defineParams => defineParams(translatingScaffolderApiFactory),
});

/** `scaffolder-form-field:scaffolder/diehard-cluster-picker`. */
export const diehardClusterPickerField = FormFieldBlueprint.make({
  name: 'diehard-cluster-picker',
  params: {
    field: () =>
      import('./components/fields').then(m =>
        createFormField(m.diehardClusterPickerDefinition),
      ),
  },
});

/** `scaffolder-form-field:scaffolder/diehard-namespace-picker`. */
export const diehardNamespacePickerField = FormFieldBlueprint.make({
  name: 'diehard-namespace-picker',
  params: {
    field: () =>
      import('./components/fields').then(m =>
        createFormField(m.diehardNamespacePickerDefinition),
      ),
  },
});

/** `scaffolder-form-field:scaffolder/diehard-entity-name`. */
export const diehardEntityNameField = FormFieldBlueprint.make({
  name: 'diehard-entity-name',
  params: {
    field: () =>
      import('./components/fields').then(m =>
        createFormField(m.diehardEntityNameDefinition),
      ),
  },
});

/** `scaffolder-form-field:scaffolder/diehard-galera-cluster`. */
export const diehardGaleraClusterField = FormFieldBlueprint.make({
  name: 'diehard-galera-cluster',
  params: {
    field: () =>
      import('./components/fields').then(m =>
        createFormField(m.diehardGaleraClusterDefinition),
      ),
  },
});

/** `scaffolder-form-field:scaffolder/diehard-storage-class`. */
export const diehardStorageClassField = FormFieldBlueprint.make({
  name: 'diehard-storage-class',
  params: {
    field: () =>
      import('./components/fields').then(m =>
        createFormField(m.diehardStorageClassDefinition),
      ),
  },
});

/** `scaffolder-form-field:scaffolder/diehard-ingress-host`. */
export const diehardIngressHostField = FormFieldBlueprint.make({
  name: 'diehard-ingress-host',
  params: {
    field: () =>
      import('./components/fields').then(m =>
        createFormField(m.diehardIngressHostDefinition),
      ),
  },
});

/** `scaffolder-form-field:scaffolder/diehard-user-language`. */
export const diehardUserLanguageField = FormFieldBlueprint.make({
  name: 'diehard-user-language',
  params: {
    field: () =>
      import('./components/fields').then(m =>
        createFormField(m.diehardUserLanguageDefinition),
      ),
  },
});

/**
 * The templates' cluster and namespace pickers, entity name, Galera cluster, storage
 * class and Ingress host fields and user's language field, added to the scaffolder plugin, and its client,
 * which shows each template's form in the user's language.
 *
 * @public
 */
export const scaffolderModuleDiehardFields = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    diehardTargetsApi,
    translatingScaffolderApi,
    diehardClusterPickerField,
    diehardNamespacePickerField,
    diehardEntityNameField,
    diehardGaleraClusterField,
    diehardStorageClassField,
    diehardIngressHostField,
    diehardUserLanguageField,
  ],
});

/**
 * `api:catalog`, in place of the catalog plugin's own: the same client, whose Templates come
 * with their title and description in the user's language (`metadata.ui:translations`).
 */
export const translatingCatalogApi = ApiBlueprint.make({
  params: defineParams => defineParams(translatingCatalogApiFactory),
});

/**
 * The catalog's client in place of the catalog plugin's, whose Templates come with their
 * title and description in the user's language: the Create page's template cards, a run's
 * heading and a template's entity page read them from the catalog.
 *
 * @public
 */
export const catalogModuleDiehardTemplateTranslations = createFrontendModule({
  pluginId: 'catalog',
  extensions: [translatingCatalogApi],
});

/**
 * Both modules: {@link scaffolderModuleDiehardFields} and
 * {@link catalogModuleDiehardTemplateTranslations}, what an app that discovers its plugins
 * installs from this package.
 *
 * @public
 */
export const scaffolderDiehardFeatures = createFrontendFeatureLoader({
  loader: () => [
    scaffolderModuleDiehardFields,
    catalogModuleDiehardTemplateTranslations,
  ],
});
