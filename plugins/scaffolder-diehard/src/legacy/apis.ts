import {
  AnyApiFactory,
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
} from '@backstage/core-plugin-api';
import {
  appLanguageApiRef,
  translationApiRef,
} from '@backstage/frontend-plugin-api';
import { scmIntegrationsApiRef } from '@backstage/integration-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { TranslatingCatalogClient } from '../templateTranslations/TranslatingCatalogClient';
import { TranslatingScaffolderClient } from '../templateTranslations/TranslatingScaffolderClient';

/**
 * The scaffolder's client whose template forms come in the user's language, for the
 * `apis` of an app of the legacy frontend system (in place of the scaffolder plugin's).
 *
 * @public
 */
export const translatingScaffolderApiFactory: AnyApiFactory = createApiFactory({
  api: scaffolderApiRef,
  deps: {
    discoveryApi: discoveryApiRef,
    scmIntegrationsApi: scmIntegrationsApiRef,
    fetchApi: fetchApiRef,
    identityApi: identityApiRef,
    appLanguageApi: appLanguageApiRef,
    catalogApi: catalogApiRef,
    translationApi: translationApiRef,
  },
  factory: deps => new TranslatingScaffolderClient(deps),
});

/**
 * The catalog's client whose Templates come with their title and description in the
 * user's language, for the `apis` of an app of the legacy frontend system (in place of
 * the catalog plugin's).
 *
 * @public
 */
export const translatingCatalogApiFactory: AnyApiFactory = createApiFactory({
  api: catalogApiRef,
  deps: {
    discoveryApi: discoveryApiRef,
    fetchApi: fetchApiRef,
    appLanguageApi: appLanguageApiRef,
  },
  factory: deps => new TranslatingCatalogClient(deps),
});
