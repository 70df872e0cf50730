import {
  AnyApiFactory,
  appLanguageApiRef,
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
  translationApiRef,
} from '@backstage/frontend-plugin-api';
import { scmIntegrationsApiRef } from '@backstage/integration-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { TranslatingCatalogClient } from './TranslatingCatalogClient';
import { TranslatingScaffolderClient } from './TranslatingScaffolderClient';

/**
 * The scaffolder's client whose template forms come in the user's language, in place of
 * the scaffolder plugin's: `api:scaffolder` of the new frontend system's module, and for
 * the `apis` of an app of the legacy one.
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
 * user's language, in place of the catalog plugin's: `api:catalog` of the new frontend
 * system's module, and for the `apis` of an app of the legacy one.
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
