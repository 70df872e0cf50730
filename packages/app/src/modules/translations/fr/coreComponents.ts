import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { coreComponentsTranslationRef } from '@backstage/core-components/alpha';

export default createTranslationMessages({
  ref: coreComponentsTranslationRef,
  full: true,
  messages: {
    'signIn.title': 'Connexion',
    'signIn.loginFailed': 'Échec de la connexion',
    'signIn.customProvider.title': 'Utilisateur personnalisé',
    'signIn.customProvider.subtitle':
      'Saisissez votre propre identifiant utilisateur et vos identifiants.\n Ce choix ne sera pas conservé.',
    'signIn.customProvider.userId': 'Identifiant utilisateur',
    'signIn.customProvider.tokenInvalid':
      "Le jeton n'est pas un jeton JWT OpenID Connect valide",
    'signIn.customProvider.continue': 'Continuer',
    'signIn.customProvider.idToken': "Jeton d'identité (facultatif)",
    'signIn.guestProvider.title': 'Invité',
    'signIn.guestProvider.subtitle':
      "Entrez en tant qu'utilisateur invité.\n Votre identité ne sera pas vérifiée : certaines fonctionnalités pourraient être indisponibles.",
    'signIn.guestProvider.enter': 'Entrer',
    skipToContent: 'Aller au contenu',
    'copyTextButton.tooltipText': 'Texte copié dans le presse-papiers',
    'simpleStepper.reset': 'Recommencer',
    'simpleStepper.finish': 'Terminer',
    'simpleStepper.next': 'Suivant',
    'simpleStepper.skip': 'Passer',
    'simpleStepper.back': 'Retour',
    'errorPage.subtitle': 'ERREUR {{status}} : {{statusMessage}}',
    'errorPage.title': "On dirait que quelqu'un a lâché le micro !",
    'errorPage.goBack': 'Revenir en arrière',
    'errorPage.showMoreDetails': 'Afficher plus de détails',
    'errorPage.showLessDetails': 'Afficher moins de détails',
    'emptyState.missingAnnotation.title': 'Annotation manquante',
    'emptyState.missingAnnotation.actionTitle':
      "Ajoutez l'annotation au YAML de votre composant comme dans l'exemple mis en évidence ci-dessous :",
    'emptyState.missingAnnotation.readMore': 'En savoir plus',
    'supportConfig.default.title': 'Assistance non configurée',
    'supportConfig.default.linkTitle':
      'Ajoutez la clé de configuration `app.support`',
    'errorBoundary.title': "Contactez {{slackChannel}} pour obtenir de l'aide.",
    'oauthRequestDialog.title': 'Connexion requise',
    'oauthRequestDialog.authRedirectTitle':
      'Cela déclenchera une redirection HTTP vers la connexion OAuth.',
    'oauthRequestDialog.login': 'Se connecter',
    'oauthRequestDialog.rejectAll': 'Tout refuser',
    'oauthRequestDialog.message':
      'Connectez-vous pour autoriser {{appTitle}} à accéder aux API et aux identités de {{provider}}.',
    'supportButton.title': 'Assistance',
    'supportButton.close': 'Fermer',
    'table.filter.title': 'Filtres',
    'table.filter.clearAll': 'Tout effacer',
    'table.filter.placeholder': 'Tous les résultats',
    'table.body.emptyDataSourceMessage': 'Aucun enregistrement à afficher',
    'table.pagination.firstTooltip': 'Première page',
    'table.pagination.labelDisplayedRows': '{from}-{to} sur {count}',
    'table.pagination.labelRowsSelect': 'lignes',
    'table.pagination.lastTooltip': 'Dernière page',
    'table.pagination.nextTooltip': 'Page suivante',
    'table.pagination.previousTooltip': 'Page précédente',
    'table.toolbar.search': 'Filtrer',
    'table.header.actions': 'Actions',
    'alertDisplay.message_one': '({{ count }} message plus récent)',
    'alertDisplay.message_other': '({{ count }} messages plus récents)',
    'autoLogout.stillTherePrompt.title': 'Déconnexion pour inactivité',
    'autoLogout.stillTherePrompt.buttonText': 'Oui ! Ne me déconnectez pas',
    'dependencyGraph.fullscreenTooltip': 'Basculer en plein écran',
    'proxiedSignInPage.title':
      'Vous ne semblez pas connecté. Essayez de recharger la page du navigateur.',
    'logViewer.downloadBtn.tooltip': 'Télécharger les journaux',
    'logViewer.copyBtn.tooltip': 'Copier les journaux dans le presse-papiers',
    'logViewer.searchField.placeholder': 'Rechercher',
  },
});
