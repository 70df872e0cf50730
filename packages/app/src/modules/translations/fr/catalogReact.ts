import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { catalogReactTranslationRef } from '@backstage/plugin-catalog-react/alpha';

export default createTranslationMessages({
  ref: catalogReactTranslationRef,
  full: true,
  messages: {
    'catalogFilter.title': 'Filtres',
    'catalogFilter.buttonTitle': 'Filtres',
    'entityKindPicker.title': 'Type d’entité',
    'entityKindPicker.errorMessage':
      "Impossible de charger les sortes d'entités",
    'entityLifecyclePicker.title': 'Cycle de vie',
    'entityNamespacePicker.title': 'Espace de noms',
    'entityOwnerPicker.title': 'Propriétaire',
    'entityProcessingStatusPicker.title': 'État du traitement',
    'entityTagPicker.title': 'Étiquettes',
    'entityPeekAheadPopover.title':
      "Ouvrez l'entité pour voir toutes ses étiquettes.",
    'entityPeekAheadPopover.emailCardAction.title': 'Écrire à {{email}}',
    'entityPeekAheadPopover.emailCardAction.subTitle': 'mailto {{email}}',
    'entityPeekAheadPopover.emailCardAction.ariaLabel': 'E-mail',
    'entityPeekAheadPopover.entityCardActionsAriaLabel': 'Afficher',
    'entityPeekAheadPopover.entityCardActionsTitle': 'Afficher les détails',
    'entitySearchBar.placeholder': 'Rechercher',
    'entityTypePicker.title': 'Type',
    'entityTypePicker.errorMessage':
      "Impossible de charger les types d'entités",
    'entityTypePicker.optionAllTitle': 'tous',
    'favoriteEntity.addToFavorites': 'Ajouter aux favoris',
    'favoriteEntity.removeFromFavorites': 'Retirer des favoris',
    'inspectEntityDialog.title': "Inspecteur d'entité",
    'inspectEntityDialog.closeButtonTitle': 'Fermer',
    'inspectEntityDialog.ancestryPage.title': 'Ascendance',
    'inspectEntityDialog.ancestryPage.description':
      "Voici l'ascendance de l'entité actuelle, c'est-à-dire la ou les chaînes d'entités qui mènent jusqu'à elle, dans lesquelles des {{processorsLink}} des entités enfants ayant finalement abouti à l'existence de l'entité actuelle. Notez qu'il s'agit d'un mécanisme complètement différent des relations.",
    'inspectEntityDialog.ancestryPage.processorsLink': 'processeurs ont émis',
    'inspectEntityDialog.colocatedPage.title': 'Colocalisées',
    'inspectEntityDialog.colocatedPage.description':
      "Voici les entités colocalisées avec cette entité, c'est-à-dire issues de la même source de données (par ex. du même fichier YAML) ou de la même origine (par ex. l'URL enregistrée à l'origine).",
    'inspectEntityDialog.colocatedPage.alertNoLocation':
      "L'entité n'a aucune information d'emplacement.",
    'inspectEntityDialog.colocatedPage.alertNoEntity':
      "Il n'y a aucune autre entité à cet emplacement.",
    'inspectEntityDialog.colocatedPage.locationHeader': 'Au même emplacement',
    'inspectEntityDialog.colocatedPage.originHeader': 'À la même origine',
    'inspectEntityDialog.colocatedPage.entityListAriaLabel':
      'Entités colocalisées',
    'inspectEntityDialog.jsonPage.title': 'Entité en JSON',
    'inspectEntityDialog.jsonPage.description':
      "Voici les données brutes de l'entité telles que reçues du catalogue, au format JSON.",
    'inspectEntityDialog.overviewPage.title': 'Aperçu',
    'inspectEntityDialog.overviewPage.relation.title': 'Relations',
    'inspectEntityDialog.overviewPage.status.title': 'État',
    'inspectEntityDialog.overviewPage.identity.title': 'Identité',
    'inspectEntityDialog.overviewPage.metadata.title': 'Métadonnées',
    'inspectEntityDialog.overviewPage.annotations': 'Annotations',
    'inspectEntityDialog.overviewPage.labels': 'Libellés',
    'inspectEntityDialog.overviewPage.tags': 'Étiquettes',
    'inspectEntityDialog.overviewPage.copyAriaLabel': 'Copier {{label}}',
    'inspectEntityDialog.overviewPage.copiedStatus': 'Copié',
    'inspectEntityDialog.overviewPage.helpLinkAriaLabel': 'En savoir plus',
    'inspectEntityDialog.yamlPage.title': 'Entité en YAML',
    'inspectEntityDialog.yamlPage.description':
      "Voici les données brutes de l'entité telles que reçues du catalogue, au format YAML.",
    'inspectEntityDialog.tabNames.overview': 'Aperçu',
    'inspectEntityDialog.tabNames.ancestry': 'Ascendance',
    'inspectEntityDialog.tabNames.colocated': 'Colocalisées',
    'inspectEntityDialog.tabNames.json': 'JSON brut',
    'inspectEntityDialog.tabNames.yaml': 'YAML brut',
    'inspectEntityDialog.tabsAriaLabel': "Options de l'inspecteur",
    'unregisterEntityDialog.title':
      'Voulez-vous vraiment désinscrire cette entité ?',
    'unregisterEntityDialog.cancelButtonTitle': 'Annuler',
    'unregisterEntityDialog.deleteButtonTitle': "Supprimer l'entité",
    'unregisterEntityDialog.deleteEntitySuccessMessage':
      'Entité {{entityName}} supprimée',
    'unregisterEntityDialog.bootstrapState.title':
      "Vous ne pouvez pas désinscrire cette entité, car elle provient d'une configuration Backstage protégée (emplacement \"{{location}}\"). Si vous pensez qu'il s'agit d'une erreur, contactez l'intégrateur de {{appTitle}}.",
    'unregisterEntityDialog.bootstrapState.advancedDescription':
      "Vous avez la possibilité de supprimer l'entité elle-même du catalogue. Ne le faites que si vous savez que le fichier du catalogue a été supprimé de son emplacement d'origine ou déplacé. Sinon, l'entité réapparaîtra rapidement lors de la prochaine actualisation du catalogue.",
    'unregisterEntityDialog.bootstrapState.advancedOptions': 'Options avancées',
    'unregisterEntityDialog.onlyDeleteStateTitle':
      "Cette entité ne semble pas provenir d'un emplacement enregistré. Vous pouvez donc seulement la supprimer purement et simplement du catalogue.",
    'unregisterEntityDialog.unregisterState.title':
      'Cette action désinscrira les entités suivantes :',
    'unregisterEntityDialog.unregisterState.subTitle':
      "Situées à l'emplacement suivant :",
    'unregisterEntityDialog.unregisterState.description':
      "Pour annuler, il suffit d'enregistrer à nouveau l'entité dans {{appTitle}}.",
    'unregisterEntityDialog.unregisterState.unregisterButtonTitle':
      "Désinscrire l'emplacement",
    'unregisterEntityDialog.unregisterState.advancedOptions':
      'Options avancées',
    'unregisterEntityDialog.unregisterState.advancedDescription':
      "Vous avez aussi la possibilité de supprimer l'entité elle-même du catalogue. Ne le faites que si vous savez que le fichier du catalogue a été supprimé de son emplacement d'origine ou déplacé. Sinon, l'entité réapparaîtra rapidement lors de la prochaine actualisation du catalogue.",
    'unregisterEntityDialog.errorStateTitle': 'Erreur interne : état inconnu',
    'userListPicker.defaultOrgName': 'Entreprise',
    'userListPicker.orgFilterAllLabel': 'Tous',
    'userListPicker.personalFilter.title': 'Personnel',
    'userListPicker.personalFilter.ownedLabel': 'À moi',
    'userListPicker.personalFilter.starredLabel': 'Favoris',
    'entityTableColumnTitle.name': 'Nom',
    'entityTableColumnTitle.type': 'Type',
    'entityTableColumnTitle.label': 'Libellé',
    'entityTableColumnTitle.title': 'Titre',
    'entityTableColumnTitle.description': 'Description',
    'entityTableColumnTitle.system': 'Système',
    'entityTableColumnTitle.namespace': 'Espace de noms',
    'entityTableColumnTitle.tags': 'Étiquettes',
    'entityTableColumnTitle.domain': 'Domaine',
    'entityRelationCard.emptyHelpLinkTitle': 'Découvrez comment changer cela.',
    'entityTableColumnTitle.owner': 'Propriétaire',
    'entityTableColumnTitle.lifecycle': 'Cycle de vie',
    'entityTableColumnTitle.targets': 'Cibles',
    'missingAnnotationEmptyState.title': 'Annotation manquante',
    'missingAnnotationEmptyState.readMore': 'En savoir plus',
    'missingAnnotationEmptyState.annotationYaml':
      "Ajoutez l'annotation au YAML de votre entité {{entityKind}} comme dans l'exemple mis en évidence ci-dessous :",
    'missingAnnotationEmptyState.generateDescription_one':
      "L'annotation {{annotations}} est manquante. Ajoutez-la à votre entité {{entityKind}} si vous voulez activer cet outil.",
    'missingAnnotationEmptyState.generateDescription_other':
      'Les annotations {{annotations}} sont manquantes. Ajoutez-les à votre entité {{entityKind}} si vous voulez activer cet outil.',
  },
});
