/**
 * The one-line title of every check (`RuleCheck.title`, in English in the rules) in French,
 * for SARIF and the docs. Keyed by check id; a test checks that every check has one.
 *
 * @public
 */
export const RULE_TITLES_FR: Record<string, string> = {
  'replicas-single': 'Le workload tourne avec un seul réplica',
  'replicas-hpa-min': "L'HPA permet de descendre à un seul réplica",
  'replicas-bare-pod': 'Pod nu : rien ne le recrée',
  'replicas-live-unready': 'Moins de deux réplicas sont prêts',
  'spread-no-anti-affinity':
    'Rien ne garde les réplicas sur des nœuds différents',
  'spread-selector-mismatch':
    "Le sélecteur d'anti-affinité ou de répartition ne correspond pas aux pods du workload",
  'spread-live-one-node': 'Tous les réplicas actifs tournent sur un seul nœud',
  'spread-live-one-zone':
    "Tous les réplicas actifs tournent dans une seule zone d'un cluster multizone",
  'disruption-no-pdb':
    'Aucun budget de perturbation (PodDisruptionBudget) ne sélectionne les pods',
  'disruption-pdb-blocks-drain':
    "Le PodDisruptionBudget n'autorise aucune éviction (drain bloqué)",
  'disruption-pdb-protects-nothing': 'Le PodDisruptionBudget ne protège rien',
  'probes-no-readiness':
    "Un conteneur qui reçoit du trafic n'a pas de sonde de disponibilité (readinessProbe)",
  'rollout-recreate': "La stratégie Recreate arrête tous les pods d'un coup",
  'rollout-max-unavailable':
    "La mise à jour progressive peut arrêter tous les pods d'un coup",
  'sessions-not-replicated':
    "Tomcat garde les sessions HTTP dans la mémoire d'un seul pod",
  'sessions-manager-override':
    'Le Manager de context.xml remplace le gestionnaire de réplication du cluster',
  'sessions-not-distributable':
    "web.xml n'est pas <distributable/> : Tomcat ne réplique pas ses sessions",
  'sessions-multicast-membership':
    'Découverte des membres du cluster par multicast, que la plupart des réseaux Kubernetes bloquent',
  'sessions-membership-rbac':
    'Découverte par Kubernetes : le ServiceAccount ne peut pas lister les pods',
  'sessions-membership-namespace':
    "Découverte par Kubernetes : le namespace n'est pas injecté",
  'sessions-membership-labels':
    'Découverte par Kubernetes : le sélecteur de labels ne correspond pas à ses propres pods',
  'sessions-receiver-blocked':
    'Une NetworkPolicy bloque le port du récepteur du cluster entre les pods',
  'database-galera-quorum':
    'Le cluster Galera ne peut pas garder le quorum après une panne',
  'database-single-host':
    "Le DSN nomme un seul hôte de base de données qui n'est pas un cluster répliqué",
  'database-single-member':
    "Le DSN nomme un seul membre d'un cluster de bases de données",
  'database-single-replica':
    'Se connecte à une base de données qui tourne avec un seul réplica',
  'database-galera-client':
    'Se connecte à un cluster Galera qui ne peut pas garder le quorum',
  'database-localhost':
    "Se connecte à une base de données sur localhost, mais son pod n'en exécute aucune",
  'database-unseen':
    'Utilise une base de données que les manifestes ne nomment pas (posture inconnue)',
  'storage-rwo-shared':
    'Volume ReadWriteOnce monté par un workload à plusieurs réplicas',
  'storage-hostpath': 'Données gardées dans un volume hostPath',
  'storage-node-local-volume':
    'Données sur un PersistentVolume qui vit sur un seul nœud (hostPath, local, classe locale au nœud)',
  'storage-nfs-single-host': 'Le serveur NFS est un hôte unique',
  'ingress-backend-broken':
    "Le Service backend de l'Ingress manque ou ne sélectionne aucun pod",
  'ingress-host-port': 'Le trafic entre par hostPort ou hostNetwork',
  'ingress-node-pinned':
    'Entrée NodePort ou IP externe épinglée à un seul nœud',
  'ingress-service-selects-nothing': 'Le Service ne sélectionne aucun workload',
  'image-unpinned': "L'image n'a pas de tag ou utilise latest",
  'resources-no-requests': "Le conteneur n'a pas de requête CPU ou mémoire",
  'network-no-policy': 'Aucune NetworkPolicy ne sélectionne les pods',
  'control-plane-api-servers': "Moins de 2 serveurs d'API",
  'control-plane-etcd-members':
    "Le nombre de membres etcd n'est pas impair et d'au moins 3",
  'control-plane-etcd-quorum': 'etcd ne tolère plus aucune panne de membre',
  'control-plane-zones':
    'Tous les nœuds de plan de contrôle dans une seule zone',
  'control-plane-ingress-controller': "Contrôleur d'Ingress à un seul réplica",
  'control-plane-registry': 'Registre à un seul réplica',
};
