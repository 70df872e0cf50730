import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { orgTranslationRef } from '@backstage/plugin-org/alpha';

export default createTranslationMessages({
  ref: orgTranslationRef,
  full: true,
  messages: {
    'groupProfileCard.groupNotFound': 'Groupe introuvable',
    'groupProfileCard.editIconButtonTitle': 'Modifier les métadonnées',
    'groupProfileCard.refreshIconButtonTitle':
      "Planifier l'actualisation de l'entité",
    'groupProfileCard.refreshIconButtonAriaLabel': 'Actualiser',
    'groupProfileCard.listItemTitle.entityRef': "Référence d'entité",
    'groupProfileCard.listItemTitle.email': 'E-mail',
    'groupProfileCard.listItemTitle.parentGroup': 'Groupe parent',
    'groupProfileCard.listItemTitle.childGroups': 'Groupes enfants',
    'membersListCard.cardLabel': 'Page utilisateur de {{memberName}}',
    'membersListCard.title': 'Membres de {{groupName}}',
    'membersListCard.noMembersDescription': "Ce groupe n'a aucun membre.",
    'membersListCard.noSearchResult':
      'Aucun membre ne correspond à « {{searchTerm}} ».',
    'membersListCard.aggregateMembersToggle.label': 'Inclure les sous-groupes',
    'ownershipCard.title': 'Propriété',
    'ownershipCard.aggregateRelationsToggle.label':
      'Inclure la propriété indirecte',
    'userProfileCard.userNotFound': 'Utilisateur introuvable',
    'userProfileCard.editIconButtonTitle': 'Modifier les métadonnées',
    'userProfileCard.listItemTitle.email': 'E-mail',
    'userProfileCard.listItemTitle.memberOf': 'Membre de',
    'userProfileCard.moreGroupButtonTitle': '...Plus ({{number}})',
    'userProfileCard.allGroupDialog.title': 'Tous les groupes de {{name}} :',
    'userProfileCard.allGroupDialog.closeButtonTitle': 'Fermer',
  },
});
