import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { userSettingsTranslationRef } from '@backstage/plugin-user-settings/alpha';

export default createTranslationMessages({
  ref: userSettingsTranslationRef,
  full: true,
  messages: {
    'featureFlags.title': 'Fonctionnalités optionnelles',
    'featureFlags.description':
      'Actualisez la page après avoir activé ou désactivé une fonctionnalité optionnelle',
    'featureFlags.emptyFlags.title': 'Aucune fonctionnalité optionnelle',
    'featureFlags.emptyFlags.description':
      "Les fonctionnalités optionnelles permettent aux plugins d'enregistrer dans Backstage des fonctionnalités que les utilisateurs peuvent choisir d'activer. Vous pouvez vous en servir pour séparer la logique de votre code, pour des tests A/B manuels, etc.",
    'featureFlags.emptyFlags.action.title':
      "Un exemple d'ajout de fonctionnalité optionnelle est mis en évidence ci-dessous :",
    'featureFlags.emptyFlags.action.readMoreButtonTitle': 'En savoir plus',
    'featureFlags.filterTitle': 'Filtrer',
    'featureFlags.clearFilter': 'Effacer le filtre',
    'featureFlags.flagItem.title.disable': 'Désactiver',
    'featureFlags.flagItem.title.enable': 'Activer',
    'featureFlags.flagItem.subtitle.registeredInApplication':
      "Enregistrée dans l'application",
    'featureFlags.flagItem.subtitle.registeredInPlugin':
      'Enregistrée dans le plugin {{pluginId}}',
    'languageToggle.select': 'Choisir la langue {{language}}',
    'languageToggle.title': 'Langue',
    'languageToggle.description': "Changer la langue de l'interface",
    'themeToggle.select': 'Choisir {{theme}}',
    'themeToggle.title': 'Thème',
    'themeToggle.description': 'Changer le mode du thème',
    'themeToggle.names.auto': 'Auto',
    'themeToggle.names.dark': 'Sombre',
    'themeToggle.names.light': 'Clair',
    'themeToggle.selectAuto': 'Choisir le thème automatique',
    'signOutMenu.title': 'Se déconnecter',
    'signOutMenu.moreIconTitle': 'plus',
    'pinToggle.title': 'Épingler la barre latérale',
    'pinToggle.description': 'Empêche la barre latérale de se replier',
    'pinToggle.ariaLabelTitle': "Interrupteur d'épinglage de la barre latérale",
    'pinToggle.switchTitles.unpin': 'Désépingler la barre latérale',
    'pinToggle.switchTitles.pin': 'Épingler la barre latérale',
    'identityCard.title': 'Identité Backstage',
    'identityCard.noIdentityTitle': 'Aucune identité Backstage',
    'identityCard.userEntity': 'Entité utilisateur',
    'identityCard.ownershipEntities': 'Entités de propriété',
    'defaultProviderSettings.description':
      "Fournit l'authentification auprès des API et identités {{provider}}",
    'emptyProviders.title': "Aucun fournisseur d'authentification",
    'emptyProviders.description':
      "Vous pouvez ajouter à Backstage des fournisseurs d'authentification, qui vous permettent de vous authentifier auprès d'eux.",
    'emptyProviders.action.title':
      'Ouvrez app-config.yaml et apportez les modifications mises en évidence ci-dessous :',
    'emptyProviders.action.readMoreButtonTitle': 'En savoir plus',
    'providerSettingsItem.title.signIn': 'Se connecter à {{title}}',
    'providerSettingsItem.title.signOut': 'Se déconnecter de {{title}}',
    'providerSettingsItem.buttonTitle.signOut': 'Se déconnecter',
    'providerSettingsItem.buttonTitle.signIn': 'Se connecter',
    'authProviders.title': 'Fournisseurs disponibles',
    'defaultSettingsPage.tabsTitle.featureFlags':
      'Fonctionnalités optionnelles',
    'defaultSettingsPage.tabsTitle.authProviders':
      "Fournisseurs d'authentification",
    'defaultSettingsPage.tabsTitle.general': 'Général',
    'settingsLayout.title': 'Paramètres',
    sidebarTitle: 'Paramètres',
    'profileCard.title': 'Profil',
    'appearanceCard.title': 'Apparence',
  },
});
