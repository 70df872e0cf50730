export {
  DiehardClusterPickerFieldExtension,
  DiehardEntityNameFieldExtension,
  DiehardGaleraClusterFieldExtension,
  DiehardIngressHostFieldExtension,
  DiehardNamespacePickerFieldExtension,
  DiehardStorageClassFieldExtension,
  DiehardUserLanguageFieldExtension,
  scaffolderDiehardLegacyPlugin,
} from './plugin';
export {
  translatingCatalogApiFactory,
  translatingScaffolderApiFactory,
} from '../templateTranslations/apiFactories';
