import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { createTranslationResource } from '@backstage/frontend-plugin-api';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { coreComponentsTranslationRef } from '@backstage/core-components/alpha';
import { catalogTranslationRef } from '@backstage/plugin-catalog/alpha';
import { catalogImportTranslationRef } from '@backstage/plugin-catalog-import/alpha';
import { catalogGraphTranslationRef } from '@backstage/plugin-catalog-graph/alpha';
import { catalogReactTranslationRef } from '@backstage/plugin-catalog-react/alpha';
import { kubernetesTranslationRef } from '@backstage/plugin-kubernetes/alpha';
import { kubernetesReactTranslationRef } from '@backstage/plugin-kubernetes-react/alpha';
import { notificationsTranslationRef } from '@backstage/plugin-notifications/alpha';
import { orgTranslationRef } from '@backstage/plugin-org/alpha';
import { scaffolderTranslationRef } from '@backstage/plugin-scaffolder/alpha';
import { scaffolderReactTranslationRef } from '@backstage/plugin-scaffolder-react/alpha';
import { searchTranslationRef } from '@backstage/plugin-search/alpha';
import { searchReactTranslationRef } from '@backstage/plugin-search-react';
import { userSettingsTranslationRef } from '@backstage/plugin-user-settings/alpha';
import { haPostureTranslations } from '@diehard/plugin-ha-posture';
import { handoffReviewTranslations } from '@diehard/plugin-handoff-review';
import { scaffolderDiehardTranslations } from '@diehard/plugin-scaffolder-diehard';
import { appTranslationRef } from './appTranslationRef';

/**
 * French for the app shell, the shared core components (sign-in, tables, error
 * pages…), the Backstage plugins our users see most (search included)
 * and our own. Each language is loaded only when a user picks it in Settings.
 */
const resources = [
  createTranslationResource({
    ref: appTranslationRef,
    translations: { fr: () => import('./fr/app') },
  }),
  createTranslationResource({
    ref: coreComponentsTranslationRef,
    translations: { fr: () => import('./fr/coreComponents') },
  }),
  createTranslationResource({
    ref: catalogTranslationRef,
    translations: { fr: () => import('./fr/catalog') },
  }),
  createTranslationResource({
    ref: catalogGraphTranslationRef,
    translations: { fr: () => import('./fr/catalogGraph') },
  }),
  createTranslationResource({
    ref: catalogImportTranslationRef,
    translations: { fr: () => import('./fr/catalogImport') },
  }),
  createTranslationResource({
    ref: catalogReactTranslationRef,
    translations: { fr: () => import('./fr/catalogReact') },
  }),
  createTranslationResource({
    ref: kubernetesTranslationRef,
    translations: { fr: () => import('./fr/kubernetes') },
  }),
  createTranslationResource({
    ref: kubernetesReactTranslationRef,
    translations: { fr: () => import('./fr/kubernetesReact') },
  }),
  createTranslationResource({
    ref: notificationsTranslationRef,
    translations: { fr: () => import('./fr/notifications') },
  }),
  createTranslationResource({
    ref: orgTranslationRef,
    translations: { fr: () => import('./fr/org') },
  }),
  createTranslationResource({
    ref: scaffolderTranslationRef,
    translations: { fr: () => import('./fr/scaffolder') },
  }),
  createTranslationResource({
    ref: scaffolderReactTranslationRef,
    translations: { fr: () => import('./fr/scaffolderReact') },
  }),
  createTranslationResource({
    ref: searchTranslationRef,
    translations: { fr: () => import('./fr/search') },
  }),
  createTranslationResource({
    ref: searchReactTranslationRef,
    translations: { fr: () => import('./fr/searchReact') },
  }),
  createTranslationResource({
    ref: userSettingsTranslationRef,
    translations: { fr: () => import('./fr/userSettings') },
  }),
  haPostureTranslations,
  handoffReviewTranslations,
  scaffolderDiehardTranslations,
];

export const translationsModule = createFrontendModule({
  pluginId: 'app',
  extensions: resources.map(resource =>
    TranslationBlueprint.make({ name: resource.id, params: { resource } }),
  ),
});

export { appTranslationRef };
