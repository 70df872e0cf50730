import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { appTranslationRef } from '../appTranslationRef';

export default createTranslationMessages({
  ref: appTranslationRef,
  full: true,
  messages: {
    'nav.catalog': 'Catalogue',
    'nav.catalogGraph': 'Graphe du catalogue',
    'nav.create': 'Créer...',
    'nav.register': 'Enregistrer',
    'nav.search': 'Recherche',
    'nav.menu': 'Menu',
    'nav.settings': 'Paramètres',
    'nav.haPosture': 'Posture HA',
    'nav.handoffReviews': 'Revues de passation',
    'nav.notifications': 'Notifications',
    'signIn.companyTitle': "Connexion à l'entreprise",
    'signIn.companyMessage': 'Connectez-vous avec votre compte professionnel',
    'notFound.status': 'ERREUR 404 : PAGE INTROUVABLE',
    'notFound.title': "Il n'y a pas de page à cette adresse.",
    'notFound.goBack': 'Revenir en arrière',
    'notFound.catalog': 'Ouvrir le catalogue',
  },
});
