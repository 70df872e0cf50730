import {
  EntityPosture,
  evaluatePosture,
  findingFor,
  parseManifests,
  PostureRule,
  workloadLabel,
} from '@diehard/plugin-ha-posture-common';
import { buildChecklist } from './checklist';

const companyRule: PostureRule = {
  checks: [
    {
      id: 'acme-drain',
      category: 'rollout',
      severity: 'warning',
      title: 'Workload does not drain',
    },
  ],
  messages: {
    en: { 'acme-drain.message': '{{workload}} does not drain its requests.' },
    fr: { 'acme-drain.message': '{{workload}} ne vide pas ses requêtes.' },
  },
  evaluate: ({ workload }) => [
    findingFor(companyRule.checks[0], workload, {
      message: {
        id: 'acme-drain.message',
        params: { workload: workloadLabel(workload) },
      },
      evidence: 'lifecycle.preStop: absent',
      remediation: 'add a preStop hook',
    }),
  ],
};

describe('the checklist of a posture with a company rule', () => {
  it("keeps the rule's finding in English and French for the review's readers", () => {
    const report = evaluatePosture(
      {
        objects: parseManifests(
          `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: todo}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: web:1.0.0}]
`,
          'web.yaml',
        ).objects.map(o => o.object),
      },
      { rules: [companyRule] },
    );
    const posture: EntityPosture = {
      entityRef: 'component:default/web',
      source: { type: 'manifests', location: 'k8s' },
      evaluatedAt: '2026-12-06T00:00:00Z',
      grade: report.services[0].grade,
      singlePointsOfFailure: [],
      report,
      placement: [],
    };
    const rollout = buildChecklist(posture, { dev: [], ops: [] }).find(
      i => i.id === 'posture-rollout',
    )!;
    expect(rollout.evidence).toBe('fail');
    expect(rollout.findingMessages).toEqual([
      expect.objectContaining({
        severity: 'warning',
        texts: {
          en: 'Deployment web does not drain its requests.',
          fr: 'Deployment web ne vide pas ses requêtes.',
        },
      }),
    ]);
  });
});
