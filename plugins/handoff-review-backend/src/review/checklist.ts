import { Config } from '@backstage/config';
import {
  EntityPosture,
  Finding,
  HA_CATEGORIES,
  HaCategory,
  WorkloadAround,
  WorkloadReport,
} from '@diehard/plugin-ha-posture-common';
import {
  DEFAULT_ITEM_TITLES,
  DefaultItemTitleKey,
  ReviewItem,
  Side,
} from '@diehard/plugin-handoff-review-common';

/** Who provides each category: what the developer builds in, or what Ops provides. */
const CATEGORY_SIDES: Record<HaCategory, Side> = {
  replicas: 'dev',
  spread: 'ops',
  disruption: 'ops',
  probes: 'dev',
  rollout: 'dev',
  sessions: 'dev',
  database: 'ops',
  storage: 'ops',
  ingress: 'ops',
  image: 'dev',
  resources: 'ops',
  network: 'ops',
  'control-plane': 'ops',
};

const DEFAULT_MANUAL_ITEMS: Record<
  Side,
  Array<{ id: string; title: string }>
> = {
  dev: manualDefaults('dev', ['load-tested', 'restore-tested', 'runbook']),
  ops: manualDefaults('ops', ['on-call', 'monitoring', 'backups']),
};

function manualDefaults(side: Side, ids: string[]) {
  return ids.map(id => ({
    id,
    title: DEFAULT_ITEM_TITLES[`${side}-${id}` as DefaultItemTitleKey],
  }));
}

export function manualItemsFromConfig(config: Config) {
  const read = (side: Side) => {
    const items = config.getOptionalConfigArray(
      `handoffReview.manualItems.${side}`,
    );
    return items
      ? items.map(item => ({
          id: item.getString('id'),
          title: item.getString('title'),
        }))
      : DEFAULT_MANUAL_ITEMS[side];
  };
  return { dev: read('dev'), ops: read('ops') };
}

/** The findings as messages, when the engine gave every one an id (older reports did not). */
function findingMessagesOf(
  findings: Finding[],
): Pick<ReviewItem, 'findingMessages'> {
  const messages = findings.flatMap(f =>
    f.messageId
      ? [
          {
            severity: f.severity,
            message: { id: f.messageId, params: f.params ?? {} },
            ...(f.translations
              ? {
                  texts: {
                    en: f.message,
                    ...Object.fromEntries(
                      Object.entries(f.translations).map(([language, t]) => [
                        language,
                        t.message,
                      ]),
                    ),
                  },
                }
              : {}),
          },
        ]
      : [],
  );
  return findings.length && messages.length === findings.length
    ? { findingMessages: messages }
    : {};
}

const AROUND_LANES: Partial<Record<HaCategory, keyof WorkloadAround>> = {
  database: 'databases',
  storage: 'volumes',
  ingress: 'entryPoints',
};

/**
 * What the engine judged for a category: the objects around the pods for the categories
 * about them, the workloads for the others. Nothing is said for the control plane, nor
 * from a report older than `around` (which every workload's entry carries, and the entry
 * of an object that belongs to no workload does not).
 */
function checkedFor(
  category: HaCategory,
  entries: WorkloadReport[],
): Pick<ReviewItem, 'checked'> {
  const workloads = entries.filter(w => w.around);
  if (category === 'control-plane' || (entries.length && !workloads.length))
    return {};
  const lane = AROUND_LANES[category];
  return {
    checked: lane
      ? [...new Set(workloads.flatMap(w => w.around![lane]))]
      : workloads.map(w => `${w.kind}/${w.namespace}/${w.name}`),
  };
}

/** One automatic item per HA category, with the posture's evidence, then the manual ones. */
export function buildChecklist(
  posture: EntityPosture,
  manual: Record<Side, Array<{ id: string; title: string }>>,
): ReviewItem[] {
  const known = posture.source.type !== 'none';
  const findings = [
    ...posture.report.workloads.flatMap(w => w.findings),
    ...posture.report.cluster.findings,
  ].filter(f => f.severity !== 'info');
  const clusterKnown = posture.source.type === 'live';

  const automatic = HA_CATEGORIES.map((category): ReviewItem => {
    const failing = findings.filter(f => f.category === category);
    const evidenceKnown =
      known && (category !== 'control-plane' || clusterKnown);
    let evidence: ReviewItem['evidence'] = 'unknown';
    if (evidenceKnown) evidence = failing.length ? 'fail' : 'pass';
    return {
      id: `posture-${category}`,
      title: DEFAULT_ITEM_TITLES[category],
      kind: 'automatic',
      side: CATEGORY_SIDES[category],
      category,
      evidence,
      findings: failing.map(f => `${f.severity}: ${f.message}`),
      ...findingMessagesOf(failing),
      ...(evidenceKnown ? checkedFor(category, posture.report.workloads) : {}),
      comments: [],
    };
  });
  const manualItems = (['dev', 'ops'] as const).flatMap(side =>
    manual[side].map(
      (item): ReviewItem => ({
        id: `${side}-${item.id}`,
        title: item.title,
        kind: 'manual',
        side,
        comments: [],
      }),
    ),
  );
  return [...automatic, ...manualItems];
}
