import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { kubernetesReactTranslationRef } from '@backstage/plugin-kubernetes-react/alpha';

export default createTranslationMessages({
  ref: kubernetesReactTranslationRef,
  messages: {
    'namespace.label': 'espace de noms :',
    'namespace.labelWithValue': 'espace de noms : {{namespace}}',
    'events.noEventsFound': 'Aucun événement',
    'cluster.label': 'Cluster',
    'cluster.pods': 'pods',
    'cluster.pods_one': '{{count}} pod',
    'cluster.pods_other': '{{count}} pods',
    'cluster.podsWithErrors': 'pods en erreur',
    'cluster.podsWithErrors_one': '{{count}} pod en erreur',
    'cluster.podsWithErrors_other': '{{count}} pods en erreur',
    'cluster.noPodsWithErrors': 'Aucun pod en erreur',
    'podsTable.columns.name': 'nom',
    'podsTable.columns.status': 'état',
    'podsTable.columns.phase': 'phase',
    'podsTable.columns.containersReady': 'conteneurs prêts',
    'podsTable.columns.totalRestarts': 'redémarrages',
    'podsTable.unknown': 'inconnu',
    'errorPanel.title':
      'Un problème est survenu en récupérant les objets Kubernetes',
    'errorPanel.errorsLabel': 'Erreurs',
    'errorPanel.clusterLabel': 'Cluster',
    'hpa.minReplicas': 'réplicas min.',
    'hpa.maxReplicas': 'réplicas max.',
    'hpa.replicasSummary': 'réplicas min. {{min}} / réplicas max. {{max}}',
  },
});
