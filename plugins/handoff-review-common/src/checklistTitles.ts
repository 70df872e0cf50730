/**
 * The titles of the default checklist: one automatic item per HA category (keyed by
 * category) and the default manual items (keyed by item id, `<side>-<name>`). The
 * backend writes them into reviews; the frontend translates exactly these.
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

export type DefaultItemTitleKey = keyof typeof DEFAULT_ITEM_TITLES;
