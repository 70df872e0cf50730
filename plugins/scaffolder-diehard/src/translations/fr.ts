import { createTranslationMessages } from '@backstage/frontend-plugin-api';
import { scaffolderDiehardTranslationRef } from '../translation';

export default createTranslationMessages({
  ref: scaffolderDiehardTranslationRef,
  full: true,
  messages: {
    loading: 'Chargement des clusters où vous pouvez déployer…',
    loadFailed:
      'Impossible de charger les clusters où vous pouvez déployer : {{message}}',
    more: '{{count}} autres',
    'clusterPicker.none':
      'Aucun cluster ne vous est ouvert pour déployer. Demandez aux Ops la permission de déployer (diehard.kubernetes.apply).',
    'clusterPicker.notAllowed':
      'Le cluster « {{cluster}} » ne fait pas partie de ceux où vous pouvez déployer.',
    'clusterPicker.noToken':
      "Le déploiement sur le cluster « {{cluster}} » se fait avec votre propre connexion, et elle n'a pas pu être obtenue : {{message}}. Connectez-vous et choisissez-le de nouveau.",
    'runLog.starting': 'Démarrage de la tâche : {{steps}} étapes',
    'runLog.beginning': "Début de l'étape « {{step}} »",
    'runLog.finished': "Fin de l'étape « {{step}} »",
    'runLog.skippedAfterFailure':
      'Étape « {{step}} » sautée : une étape précédente a échoué',
    'runLog.skippedCondition':
      'Étape « {{step}} » sautée : sa condition (if) est fausse',
    'runLog.skippedCompleted':
      "Étape « {{step}} » sautée : déjà faite lors d'une exécution précédente",
    'runLog.skippedDryRun':
      "Étape sautée : {{action}} ne s'exécute pas à blanc (dry-run)",
    'runLog.cancelled': 'Étape « {{step}} » annulée.',
    'runLog.recovered':
      'Tâche reprise à son dernier état sûr : {{steps}} étape(s) déjà faite(s).',
    'builtinLog.fetching': 'Récupération du contenu du modèle',
    'builtinLog.listing': 'Liste des fichiers et dossiers du modèle',
    'builtinLog.processing':
      'Traitement de {{count}} fichiers et dossiers du modèle avec les valeurs {{values}}',
    'builtinLog.writingFile':
      'Écriture du fichier {{path}} dans le projet (mode {{mode}})',
    'builtinLog.writingDirectory':
      'Écriture du dossier {{path}} dans le projet',
    'builtinLog.written': "Projet écrit dans l'espace de travail",
    'builtinLog.gitInit': 'Initialisation du dépôt git',
    'builtinLog.gitAdd': 'Ajout des fichiers',
    'builtinLog.gitCommit': 'Commit : {{message}}',
    'builtinLog.gitPush': 'Envoi vers le dépôt distant',
    'builtinLog.registering': 'Enregistrement de {{url}} dans le catalogue',
    'entityName.taken':
      '« {{name}} » est déjà dans le catalogue ({{ref}}) : choisissez un autre nom.',
    'galeraCluster.withNodes': '{{name}} ({{nodes}} nœuds)',
    'galeraCluster.here': 'Dans {{where}} : {{clusters}}.',
    'galeraCluster.noneHere':
      "Pas encore de cluster Galera dans {{where}} : créez-en d'abord un avec le modèle Cluster MariaDB Galera.",
    'galeraCluster.notHere':
      'Pas de cluster Galera « {{name}} » dans {{where}} : choisissez parmi {{clusters}}.',
    'galeraCluster.noneYet':
      "Pas de cluster Galera « {{name}} » dans {{where}}, ni aucun autre pour l'instant : créez-le d'abord avec le modèle Cluster MariaDB Galera (un cluster tout juste créé apparaît ici en moins d'une minute).",
    'galeraCluster.otherNodes':
      '« {{name}} » a {{nodes}} nœuds, pas {{asked}} : choisissez {{nodes}} dans Nœuds Galera.',
    'storageClass.highlyAvailable': 'hautement disponible',
    'storageClass.nodeLocal': 'un seul nœud',
    'storageClass.default': 'par défaut',
    'storageClass.here': 'Sur {{cluster}} : {{classes}}.',
    'storageClass.none':
      "Le cluster {{cluster}} n'a aucune classe de stockage : demandez-en une à ses administrateurs.",
    'storageClass.notHere':
      'Pas de classe de stockage « {{name}} » sur {{cluster}} : choisissez parmi {{classes}}.',
    'storageClass.notListed':
      "Les classes de stockage de {{cluster}} n'ont pas pu être listées : la première étape de l'exécution vérifie ce nom.",
    'storageClass.notShared':
      '« {{name}} » garde chaque volume sur un seul nœud de {{cluster}} : les réplicas des autres nœuds ne pourraient pas le partager, et ses données seraient perdues avec ce nœud. Choisissez parmi {{classes}}.',
    'storageClass.noShared':
      '« {{name}} » garde chaque volume sur un seul nœud de {{cluster}} : les réplicas des autres nœuds ne pourraient pas le partager, et ses données seraient perdues avec ce nœud. Demandez une classe partagée à ses administrateurs.',
    'ingressHost.taken':
      "L'hôte « {{host}} » est déjà servi par l'Ingress {{ingress}} sur {{cluster}} : choisissez un autre nom d'hôte, ou supprimez d'abord cet Ingress.",
    'ingressHost.takenElsewhere':
      "L'hôte « {{host}} » est déjà servi par un Ingress d'un autre namespace sur {{cluster}} : choisissez un autre nom d'hôte.",
    'namespacePicker.chooseCluster': "Choisissez d'abord un cluster.",
    'namespacePicker.none':
      "Aucun namespace n'est ouvert aux déploiements sur {{cluster}}.",
    'namespacePicker.notAllowed':
      "Le namespace « {{namespace}} » n'est pas ouvert aux déploiements sur {{cluster}}.",
  },
});
