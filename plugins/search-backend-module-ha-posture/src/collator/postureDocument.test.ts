import {
  EntityPosture,
  Finding,
  FleetEntry,
} from '@diehard/plugin-ha-posture-common';
import { postureDocument } from './postureDocument';

const entry: FleetEntry = {
  entityRef: 'component:shop/orders',
  title: 'Orders API',
  owner: 'group:default/shop-team',
  grade: 'C',
  previousGrade: null,
  critical: 0,
  warning: 1,
  evaluatedAt: '2026-12-06T00:00:00Z',
  source: 'manifests',
};

function posture(findings: Finding[], grade: EntityPosture['grade'] = 'C') {
  return {
    entityRef: 'component:shop/orders',
    source: { type: 'manifests', location: 'url' },
    evaluatedAt: '2026-12-06T00:00:00Z',
    grade,
    singlePointsOfFailure: [],
    placement: [],
    report: {
      services: [],
      cluster: { findings: [], facts: { nodes: 0, nodesPerZone: {} } },
      workloads: [
        {
          kind: 'Deployment',
          namespace: 'shop',
          name: 'orders',
          service: 'orders',
          grade: 'C',
          score: 70,
          replicas: 2,
          findings,
        },
      ],
    },
  } as EntityPosture;
}

/** A company rule's finding: its French comes with it, not from the portal's catalogs. */
const companyFinding: Finding = {
  rule: 'acme-prestop',
  category: 'rollout',
  severity: 'warning',
  message: 'Deployment orders has no preStop hook: requests in flight fail.',
  messageId: 'acme-prestop.message',
  objects: ['Deployment/shop/orders'],
  evidence: 'lifecycle: none',
  remediation: 'Add a preStop hook.',
  spof: 'if a pod of orders stops, its requests in flight fail',
  translations: {
    fr: {
      message:
        "Deployment orders n'a pas de crochet preStop : les requêtes en cours échouent.",
      spof: "si un pod d'orders s'arrête, ses requêtes en cours échouent",
    },
  },
};

describe('postureDocument', () => {
  it('carries a company rule’s own French text, and no English twice', () => {
    const document = postureDocument(entry, posture([companyFinding]))!;
    const lines = document.text.split('\n');
    expect(lines).toEqual([
      'acme-prestop (rollout, warning): Deployment orders has no preStop hook: requests in flight fail.',
      "Deployment orders n'a pas de crochet preStop : les requêtes en cours échouent.",
      'if a pod of orders stops, its requests in flight fail',
      "si un pod d'orders s'arrête, ses requêtes en cours échouent",
    ]);
    expect(document.linesEn).toEqual([lines[0], lines[2]]);
    expect(document.linesFr).toEqual([lines[1], lines[3]]);
  });

  it('without French, keeps the English once', () => {
    const { translations, ...english } = companyFinding;
    const document = postureDocument(entry, posture([english]))!;
    expect(document.text.split('\n')).toEqual([
      'acme-prestop (rollout, warning): Deployment orders has no preStop hook: requests in flight fail.',
      'if a pod of orders stops, its requests in flight fail',
    ]);
    expect(document.linesFr).toEqual(document.linesEn);
  });

  it('is readable only by those who may read the entity, and links to its tab', () => {
    const document = postureDocument(entry, posture([companyFinding]))!;
    expect(document.authorization).toEqual({
      resourceRef: 'component:shop/orders',
    });
    expect(document.location).toBe('/catalog/shop/component/orders/ha-posture');
    expect(document.title).toBe('Orders API · HA C');
    expect(document.owner).toBe('group:default/shop-team');
  });

  it('has no document when there was nothing to grade', () => {
    expect(postureDocument(entry, posture([], null))).toBeUndefined();
  });
});
