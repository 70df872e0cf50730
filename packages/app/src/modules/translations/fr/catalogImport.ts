import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { catalogImportTranslationRef } from '@backstage/plugin-catalog-import/alpha';

export default createTranslationMessages({
  ref: catalogImportTranslationRef,
  full: true,
  messages: {
    'buttons.back': 'Retour',
    'defaultImportPage.headerTitle': 'Enregistrer un composant existant',
    'defaultImportPage.contentHeaderTitle':
      'Commencez à suivre votre composant dans {{appTitle}}',
    'defaultImportPage.supportTitle':
      "Commencez à suivre votre composant dans {{appTitle}} en l'ajoutant au catalogue logiciel.",
    'importInfoCard.title': 'Enregistrer un composant existant',
    'importInfoCard.deepLinkTitle': 'En savoir plus sur le catalogue logiciel',
    'importInfoCard.linkDescription':
      "Saisissez l'URL du dépôt de votre code source pour l'ajouter à {{appTitle}}.",
    'importInfoCard.fileLinkTitle': "Lien vers un fichier d'entité existant",
    'importInfoCard.examplePrefix': 'Exemple : ',
    'importInfoCard.fileLinkDescription':
      "L'assistant analyse le fichier, prévisualise les entités et les ajoute au catalogue {{appTitle}}.",
    'importInfoCard.githubIntegration.title': 'Lien vers un dépôt',
    'importInfoCard.githubIntegration.label': 'GitHub uniquement',
    'importInfoCard.exampleDescription':
      "L'assistant découvre tous les fichiers {{catalogFilename}} du dépôt, prévisualise les entités et les ajoute au catalogue {{appTitle}}.",
    'importInfoCard.preparePullRequestDescription':
      "Si aucune entité n'est trouvée, l'assistant prépare une pull request qui ajoute un exemple de {{catalogFilename}} et prépare le catalogue {{appTitle}} à charger toutes les entités dès que la pull request sera fusionnée.",
    'importStepper.singleLocation.title': 'Sélectionner les emplacements',
    'importStepper.singleLocation.description': 'Emplacements découverts : 1',
    'importStepper.multipleLocations.title': 'Sélectionner les emplacements',
    'importStepper.multipleLocations.description':
      'Emplacements découverts : {{length, number}}',
    'importStepper.noLocation.title': 'Créer une pull request',
    'importStepper.noLocation.createPr.detailsTitle':
      'Détails de la pull request',
    'importStepper.noLocation.createPr.titleLabel': 'Titre de la pull request',
    'importStepper.noLocation.createPr.titlePlaceholder':
      "Ajouter les fichiers de description d'entités du catalogue Backstage",
    'importStepper.noLocation.createPr.bodyLabel': 'Corps de la pull request',
    'importStepper.noLocation.createPr.bodyPlaceholder':
      'Un texte descriptif, Markdown accepté',
    'importStepper.noLocation.createPr.configurationTitle':
      "Configuration de l'entité",
    'importStepper.noLocation.createPr.componentNameLabel':
      'Nom du composant créé',
    'importStepper.noLocation.createPr.componentNamePlaceholder':
      'mon-composant',
    'importStepper.noLocation.createPr.ownerLoadingText':
      'Chargement des groupes…',
    'importStepper.noLocation.createPr.ownerHelperText':
      "Choisissez un propriétaire dans la liste ou saisissez la référence d'un groupe ou d'un utilisateur",
    'importStepper.noLocation.createPr.ownerErrorHelperText': 'valeur requise',
    'importStepper.noLocation.createPr.ownerLabel': "Propriétaire de l'entité",
    'importStepper.noLocation.createPr.ownerPlaceholder': 'mon-groupe',
    'importStepper.noLocation.createPr.codeownersHelperText':
      "ATTENTION : cela peut échouer si aucun fichier CODEOWNERS n'est trouvé à l'emplacement cible.",
    'importStepper.analyze.title': "Sélectionner l'URL",
    'importStepper.prepare.title': "Actions d'import",
    'importStepper.prepare.description': 'Facultatif',
    'importStepper.review.title': 'Vérification',
    'importStepper.finish.title': 'Terminer',
    'stepFinishImportLocation.backButtonText': 'Enregistrer un autre',
    'stepFinishImportLocation.repository.title':
      'La pull request suivante a été ouverte : ',
    'stepFinishImportLocation.repository.description':
      'Vos entités seront importées dès que la pull request sera fusionnée.',
    'stepFinishImportLocation.locations.new':
      'Les entités suivantes ont été ajoutées au catalogue :',
    'stepFinishImportLocation.locations.existing':
      'Une actualisation a été déclenchée pour les emplacements suivants :',
    'stepFinishImportLocation.locations.viewButtonText': 'Voir le composant',
    'stepFinishImportLocation.locations.backButtonText': 'Enregistrer un autre',
    'stepInitAnalyzeUrl.error.repository':
      'Impossible de générer des entités pour votre dépôt',
    'stepInitAnalyzeUrl.error.locations':
      "Il n'y a aucune entité à cet emplacement",
    'stepInitAnalyzeUrl.error.default':
      "Résultat d'analyse inconnu de type {{type}}. Contactez l'équipe d'assistance.",
    'stepInitAnalyzeUrl.error.url': 'Doit commencer par http:// ou https://.',
    'stepInitAnalyzeUrl.urlHelperText':
      "Saisissez le chemin complet de votre fichier d'entité pour commencer à suivre votre composant",
    'stepInitAnalyzeUrl.nextButtonText': 'Analyser',
    'stepPrepareCreatePullRequest.description':
      "Vous avez saisi le lien d'un dépôt {{integrationType}}, mais aucun fichier {{catalogFilename}} n'a été trouvé. Utilisez ce formulaire pour ouvrir une pull request qui en crée un.",
    'stepPrepareCreatePullRequest.previewPr.title': 'Aperçu de la pull request',
    'stepPrepareCreatePullRequest.previewPr.subheader':
      'Créer une nouvelle pull request',
    'stepPrepareCreatePullRequest.previewCatalogInfo.title':
      'Aperçu des entités',
    'stepPrepareCreatePullRequest.nextButtonText': 'Créer la PR',
    'stepPrepareSelectLocations.locations.description':
      'Sélectionnez un ou plusieurs emplacements présents dans votre dépôt git :',
    'stepPrepareSelectLocations.locations.selectAll': 'Tout sélectionner',
    'stepPrepareSelectLocations.existingLocations.description':
      'Ces emplacements existent déjà dans le catalogue :',
    'stepPrepareSelectLocations.nextButtonText': 'Vérifier',
    'stepReviewLocation.prepareResult.title':
      'La pull request suivante a été ouverte : ',
    'stepReviewLocation.prepareResult.description':
      "Vous pouvez déjà importer l'emplacement : {{appTitle}} récupérera les entités dès que la pull request sera fusionnée.",
    'stepReviewLocation.catalog.exists':
      'Les emplacements suivants existent déjà dans le catalogue :',
    'stepReviewLocation.catalog.new':
      'Les entités suivantes seront ajoutées au catalogue :',
    'stepReviewLocation.refresh': 'Actualiser',
    'stepReviewLocation.import': 'Importer',
  },
});
