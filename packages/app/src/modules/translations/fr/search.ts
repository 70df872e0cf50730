import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { searchTranslationRef } from '@backstage/plugin-search/alpha';

export default createTranslationMessages({
  ref: searchTranslationRef,
  full: true,
  messages: {
    'searchModal.viewFullResults': 'Voir tous les résultats',
    'searchType.allResults': 'Tous les résultats',
    'searchType.tabs.allTitle': 'Tout',
    'searchType.accordion.allTitle': 'Tout',
    'searchType.accordion.collapse': 'Replier',
    'searchType.accordion.numberOfResults': '{{number}} résultats',
    'sidebarSearchModal.title': 'Rechercher',
  },
});
