import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { catalogGraphTranslationRef } from '@backstage/plugin-catalog-graph/alpha';

export default createTranslationMessages({
  ref: catalogGraphTranslationRef,
  full: true,
  messages: {
    'catalogGraphCard.title': 'Relations',
    'catalogGraphCard.deepLinkTitle': 'Voir le graphe',
    'catalogGraphPage.title': 'Graphe du catalogue',
    'catalogGraphPage.filterToggleButtonTitle': 'Filtres',
    'catalogGraphPage.supportButtonDescription':
      "Suivez votre composant en commençant par l'ajouter au catalogue.",
    'catalogGraphPage.simplifiedSwitchLabel': 'Simplifié',
    'catalogGraphPage.mergeRelationsSwitchLabel': 'Fusionner les relations',
    'catalogGraphPage.zoomOutDescription':
      "Pincez et zoomez pour vous déplacer dans le diagramme. Cliquez pour changer de nœud actif, Maj+clic pour ouvrir l'entité.",
    'catalogGraphPage.curveFilter.title': 'Courbe',
    'catalogGraphPage.curveFilter.curveMonotoneX': 'Monotone X',
    'catalogGraphPage.curveFilter.curveStepBefore': 'En escalier',
    'catalogGraphPage.directionFilter.title': 'Direction',
    'catalogGraphPage.directionFilter.leftToRight': 'De gauche à droite',
    'catalogGraphPage.directionFilter.rightToLeft': 'De droite à gauche',
    'catalogGraphPage.directionFilter.topToBottom': 'De haut en bas',
    'catalogGraphPage.directionFilter.bottomToTop': 'De bas en haut',
    'catalogGraphPage.maxDepthFilter.title': 'Profondeur maximale',
    'catalogGraphPage.maxDepthFilter.inputPlaceholder': '∞ Infinie',
    'catalogGraphPage.maxDepthFilter.clearButtonAriaLabel':
      'effacer la profondeur maximale',
    'catalogGraphPage.selectedKindsFilter.title': 'Types',
    'catalogGraphPage.selectedRelationsFilter.title': 'Relations',
  },
});
