import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { scaffolderReactTranslationRef } from '@backstage/plugin-scaffolder-react/alpha';

export default createTranslationMessages({
  ref: scaffolderReactTranslationRef,
  full: true,
  messages: {
    'passwordWidget.content':
      "Ce widget n'est pas sûr. Utilisez [`ui:field: Secret`](https://backstage.io/docs/features/software-templates/writing-templates/#using-secrets) au lieu de `ui:widget: password`",
    'scaffolderPageContextMenu.moreLabel': 'plus',
    'scaffolderPageContextMenu.createLabel': 'Créer',
    'scaffolderPageContextMenu.editorLabel': 'Gérer les modèles',
    'scaffolderPageContextMenu.actionsLabel': 'Actions installées',
    'scaffolderPageContextMenu.tasksLabel': 'Liste des tâches',
    'scaffolderPageContextMenu.templatingExtensionsLabel':
      'Extensions de templating',
    'stepper.backButtonText': 'Retour',
    'stepper.createButtonText': 'Créer',
    'stepper.reviewButtonText': 'Vérifier',
    'stepper.stepIndexLabel': 'Étape {{index, number}}',
    'stepper.nextButtonText': 'Suivant',
    'templateCategoryPicker.title': 'Catégories',
    'templateCard.noDescription': 'Aucune description',
    'templateCard.chooseButtonText': 'Choisir',
    'cardHeader.detailBtnTitle': "Afficher les détails de l'entité du modèle",
    'templateOutputs.title': 'Sortie texte',
    'workflow.noDescription': 'Aucune description',
  },
});
