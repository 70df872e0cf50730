import { TranslationRef } from '@backstage/frontend-plugin-api';
import { coreComponentsTranslationRef } from '@backstage/core-components/alpha';
import { catalogTranslationRef } from '@backstage/plugin-catalog/alpha';
import { catalogGraphTranslationRef } from '@backstage/plugin-catalog-graph/alpha';
import { catalogImportTranslationRef } from '@backstage/plugin-catalog-import/alpha';
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
import { appTranslationRef } from './appTranslationRef';

type Loaded = {
  default: { id: string; full: boolean; messages: Record<string, string> };
};

// Every French file of this module, next to the ref whose English it translates.
const frenchResources: Array<[TranslationRef, () => Promise<Loaded>]> = [
  [appTranslationRef, () => import('./fr/app')],
  [coreComponentsTranslationRef, () => import('./fr/coreComponents')],
  [catalogTranslationRef, () => import('./fr/catalog')],
  [catalogGraphTranslationRef, () => import('./fr/catalogGraph')],
  [catalogImportTranslationRef, () => import('./fr/catalogImport')],
  [catalogReactTranslationRef, () => import('./fr/catalogReact')],
  [kubernetesTranslationRef, () => import('./fr/kubernetes')],
  [kubernetesReactTranslationRef, () => import('./fr/kubernetesReact')],
  [notificationsTranslationRef, () => import('./fr/notifications')],
  [orgTranslationRef, () => import('./fr/org')],
  [scaffolderTranslationRef, () => import('./fr/scaffolder')],
  [scaffolderReactTranslationRef, () => import('./fr/scaffolderReact')],
  [searchTranslationRef, () => import('./fr/search')],
  [searchReactTranslationRef, () => import('./fr/searchReact')],
  [userSettingsTranslationRef, () => import('./fr/userSettings')],
];

function englishOf(ref: TranslationRef): Record<string, string> {
  // Every ref made by createTranslationRef carries its flattened English.
  return (
    ref as unknown as { getDefaultMessages(): Record<string, string> }
  ).getDefaultMessages();
}

/** {{value}} (i18next) and {value} (material-table) placeholders of a message. */
function placeholdersOf(message: string): string[] {
  return (message.match(/\{\{[^}]*\}\}|\{[^{}]*\}/g) ?? [])
    .map(p => p.replace(/\s+/g, ''))
    .sort();
}

describe('French resources of the app', () => {
  it.each(frenchResources.map(([ref, load]) => [ref.id, ref, load] as const))(
    'translate every English message of %s',
    async (_id, ref, load) => {
      const { default: fr } = await load();
      const english = englishOf(ref);

      expect(fr.id).toBe(ref.id);
      expect(fr.full).toBe(true);
      expect(Object.keys(fr.messages).sort()).toEqual(
        Object.keys(english).sort(),
      );
      for (const [key, message] of Object.entries(fr.messages)) {
        expect({ key, empty: message.trim() === '' }).toEqual({
          key,
          empty: false,
        });
        expect({ key, placeholders: placeholdersOf(message) }).toEqual({
          key,
          placeholders: placeholdersOf(english[key]),
        });
      }
    },
  );

  it('speaks French on the screens listed in the audit', async () => {
    const { default: core } = await import('./fr/coreComponents');
    expect(core.messages['signIn.guestProvider.title']).toBe('Invité');
    expect(core.messages['table.body.emptyDataSourceMessage']).toBe(
      'Aucun enregistrement à afficher',
    );
    expect(core.messages['copyTextButton.tooltipText']).toBe(
      'Texte copié dans le presse-papiers',
    );
    expect(core.messages.skipToContent).toBe('Aller au contenu');
    const { default: org } = await import('./fr/org');
    expect(org.messages['membersListCard.title']).toBe(
      'Membres de {{groupName}}',
    );
    const { default: register } = await import('./fr/catalogImport');
    expect(register.messages['defaultImportPage.headerTitle']).toBe(
      'Enregistrer un composant existant',
    );
  });
});
