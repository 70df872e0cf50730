import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { kubernetesTranslationRef } from '@backstage/plugin-kubernetes/alpha';

export default createTranslationMessages({
  ref: kubernetesTranslationRef,
  full: true,
  messages: {
    'entityContent.title': 'Kubernetes',
    'kubernetesContentPage.title': 'Vos clusters',
    'kubernetesContentPage.emptyState.title': 'Aucune ressource Kubernetes',
    'kubernetesContentPage.emptyState.description':
      'Aucune ressource sur les clusters connus pour {{entityName}}',
    'kubernetesContentPage.permissionAlert.title': 'Autorisation requise',
    'kubernetesContentPage.permissionAlert.message':
      "Pour voir les objets Kubernetes, demandez à l'administrateur de votre portail de vous accorder les autorisations 'kubernetes.clusters.read' et 'kubernetes.resources.read'.",
  },
});
