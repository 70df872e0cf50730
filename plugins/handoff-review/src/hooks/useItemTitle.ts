import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ReviewItem } from '../api';
import { handoffReviewTranslationRef } from '../translation';

/** The backend's English titles we have translations for, by category or manual item id. */
const KNOWN_TITLES = {
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

type TitleKey = keyof typeof KNOWN_TITLES;

function isTitleKey(key: string): key is TitleKey {
  return Object.prototype.hasOwnProperty.call(KNOWN_TITLES, key);
}

/**
 * An item's title in the user's language. Titles of the default checklist are
 * translated; an item configured otherwise keeps the title the backend sent.
 */
export function useItemTitle(): (
  item: Pick<ReviewItem, 'id' | 'title' | 'kind' | 'category'>,
) => string {
  const { t } = useTranslationRef(handoffReviewTranslationRef);
  return item => {
    const key =
      item.kind === 'automatic' && item.category ? item.category : item.id;
    if (!isTitleKey(key) || KNOWN_TITLES[key] !== item.title) {
      return item.title;
    }
    return t(`itemTitle.${key}`);
  };
}
