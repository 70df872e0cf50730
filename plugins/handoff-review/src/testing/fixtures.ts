import type { ReviewEvent, ReviewItem, ReviewView } from '../api';

const at = '2026-11-20T09:30:00.000Z';

const items: ReviewItem[] = [
  {
    id: 'posture-replicas',
    title: 'Runs as several replicas',
    kind: 'automatic',
    side: 'dev',
    category: 'replicas',
    evidence: 'fail',
    findings: ['critical: Deployment todo/todo-db runs 1 replica'],
    comments: [],
  },
  {
    id: 'posture-probes',
    title: 'Readiness probes on serving containers',
    kind: 'automatic',
    side: 'dev',
    category: 'probes',
    evidence: 'pass',
    findings: [],
    checked: ['Deployment/todo/todo-web', 'Deployment/todo/todo-db'],
    comments: [],
  },
  {
    id: 'posture-spread',
    title: 'Replicas spread over nodes and zones',
    kind: 'automatic',
    side: 'ops',
    category: 'spread',
    evidence: 'fail',
    findings: ['critical: All 3 replicas of todo-web on node worker-1'],
    waiver: {
      reason: 'Second zone arrives in January',
      approver: 'user:default/olivia',
      expiresOn: '2027-02-01',
      at,
    },
    checked: ['Deployment/todo/todo-web', 'Deployment/todo/todo-db'],
    comments: [],
  },
  {
    id: 'dev-load-tested',
    title: 'Load tested at the expected peak',
    kind: 'manual',
    side: 'dev',
    comments: [
      { author: 'user:default/olivia', at, text: 'Which peak did you use?' },
    ],
  },
  {
    id: 'dev-runbook',
    title: 'Runbook written',
    kind: 'manual',
    side: 'dev',
    answer: { done: true, by: 'user:default/dave', at },
    comments: [],
  },
  {
    id: 'ops-on-call',
    title: 'On-call rota agreed',
    kind: 'manual',
    side: 'ops',
    answer: { done: false, by: 'user:default/olivia', at },
    comments: [],
  },
];

/** An open review of todo-web: two items failing or open on each side. */
export const openReview: ReviewView = {
  id: 'r-1',
  entityRef: 'component:default/todo-web',
  version: 7,
  createdBy: 'user:default/dave',
  createdAt: at,
  devGroup: 'group:default/dev-team',
  opsGroup: 'group:default/ops-team',
  posture: { grade: 'C', critical: 1, warning: 2, evaluatedAt: at },
  currentPosture: { grade: 'D', critical: 2, warning: 2, evaluatedAt: at },
  items,
  signOffs: [],
  status: 'open',
  stale: false,
  staleReasons: [],
  itemStates: {
    'posture-replicas': 'failed',
    'posture-probes': 'passed',
    'posture-spread': 'waived',
    'dev-load-tested': 'open',
    'dev-runbook': 'passed',
    'ops-on-call': 'failed',
  },
};

/** An approved review whose posture has degraded since. */
export const staleReview: ReviewView = {
  ...openReview,
  id: 'r-2',
  entityRef: 'component:default/billing',
  version: 12,
  createdBy: 'user:default/bea',
  status: 'approved',
  stale: true,
  signOffs: [
    {
      side: 'dev',
      by: 'user:default/dave',
      at,
      posture: { grade: 'B', critical: 0, warning: 1, evaluatedAt: at },
    },
    {
      side: 'ops',
      by: 'user:default/olivia',
      at,
      posture: { grade: 'B', critical: 0, warning: 1, evaluatedAt: at },
    },
  ],
  staleReasons: [
    {
      kind: 'posture-degraded',
      signed: { grade: 'B', critical: 0, warning: 1, evaluatedAt: at },
      current: { grade: 'D', critical: 1, warning: 1, evaluatedAt: at },
    },
  ],
};

export const history: ReviewEvent[] = [
  {
    version: 1,
    at,
    actor: 'user:default/dave',
    action: 'open',
    detail: { posture: openReview.posture },
  },
  {
    version: 2,
    at,
    actor: 'user:default/dave',
    action: 'answer',
    detail: { itemId: 'dev-runbook', done: true },
  },
  {
    version: 3,
    at,
    actor: 'user:default/olivia',
    action: 'waive',
    detail: {
      itemId: 'posture-spread',
      reason: 'Second zone arrives in January',
      expiresOn: '2027-02-01',
    },
  },
];
