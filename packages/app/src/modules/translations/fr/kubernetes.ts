import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { kubernetesTranslationRef } from '@backstage/plugin-kubernetes/alpha';

export default createTranslationMessages({
  ref: kubernetesTranslationRef,
  messages: {
    'entityContent.title': 'Kubernetes',
    'kubernetesContentPage.title': 'Vos clusters',
    'kubernetesContentPage.emptyState.title': 'Aucune ressource Kubernetes',
    'kubernetesContentPage.emptyState.description':
      "Aucune ressource sur les clusters connus pour {{entityName}}",
    'kubernetesContentPage.permissionAlert.title': 'Autorisation requise',
  },
});
