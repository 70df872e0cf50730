/**
 * The titles of the default checklist: one automatic item per HA category (keyed by
 * category) and the default manual items (keyed by item id, `<side>-<name>`). The
 * backend writes them into reviews; the frontend translates exactly these.
 *
 * @public
 */
export const DEFAULT_ITEM_TITLES = {
  replicas: 'Runs as several replicas',
  spread: 'Replicas spread over nodes and zones',
  disruption: 'A disruption budget that allows a drain',
  probes: 'Readiness probes on serving containers',
  rollout: 'Updates keep replicas serving',
  sessions: 'HTTP sessions replicated',
  database: 'Database without a single point of failure',
  storage: 'Data volumes that follow the pods',
  ingress: 'A robust entry point',
  image: 'Pinned container images',
  resources: 'CPU and memory requests',
  network: 'Network policies',
  'control-plane': 'Cluster control plane with a quorum',
  'dev-load-tested': 'Load tested at the expected peak',
  'dev-restore-tested': 'Restore from backup tested',
  'dev-runbook': 'Runbook written',
  'ops-on-call': 'On-call rota agreed',
  'ops-monitoring': 'Monitoring and alerts in place',
  'ops-backups': 'Database and volume backups scheduled',
} as const;

/** @public */
export type DefaultItemTitleKey = keyof typeof DEFAULT_ITEM_TITLES;

/**
 * The same titles in French (the frontend and the French export use them).
 *
 * @public
 */
export const DEFAULT_ITEM_TITLES_FR: Record<DefaultItemTitleKey, string> = {
  replicas: 'Plusieurs réplicas',
  spread: 'Réplicas répartis sur les nœuds et les zones',
  disruption: 'Un budget de perturbation qui permet de drainer un nœud',
  probes: 'Sondes de disponibilité sur les conteneurs qui servent',
  rollout: 'Des mises à jour qui gardent des réplicas en service',
  sessions: 'Sessions HTTP répliquées',
  database: 'Base de données sans point unique de défaillance',
  storage: 'Des volumes de données qui suivent les pods',
  ingress: "Un point d'entrée robuste",
  image: 'Images de conteneur épinglées',
  resources: 'Demandes de CPU et de mémoire',
  network: 'Politiques réseau',
  'control-plane': 'Plan de contrôle du cluster avec un quorum',
  'dev-load-tested': 'Test de charge au pic attendu',
  'dev-restore-tested': 'Restauration depuis une sauvegarde testée',
  'dev-runbook': "Procédure d'exploitation rédigée",
  'ops-on-call': "Roulement d'astreinte convenu",
  'ops-monitoring': 'Supervision et alertes en place',
  'ops-backups': 'Sauvegardes de la base et des volumes planifiées',
};
