import { EntityPosture } from '@diehard/plugin-ha-posture-common';

/**
 * A live posture of `entityRef` as the store keeps it: one Deployment named after the
 * entity, with `critical` findings that its replicas are all on one node.
 */
export function storedPosture(
  entityRef: string,
  grade: 'A' | 'F',
  options: {
    critical?: number;
    evaluatedAt?: string;
    singlePointsOfFailure?: string[];
  } = {},
): EntityPosture {
  const {
    critical = grade === 'F' ? 1 : 0,
    evaluatedAt = '2026-11-20T10:00:00.000Z',
    singlePointsOfFailure = [],
  } = options;
  const name = entityRef.split('/')[1];
  return {
    entityRef,
    evaluatedAt,
    source: { type: 'live', clusters: ['lab'] },
    grade,
    singlePointsOfFailure,
    placement: [],
    report: {
      workloads: [
        {
          kind: 'Deployment',
          namespace: 'shop',
          name,
          service: name,
          grade,
          score: 100 - 35 * critical,
          replicas: 3,
          findings: Array.from({ length: critical }, () => ({
            rule: 'spread-all-on-one-node',
            category: 'spread' as const,
            severity: 'critical' as const,
            message: 'All replicas on one node',
            objects: [],
            evidence: 'pods[*].spec.nodeName: lab-node-001',
            remediation: 'Spread the replicas over nodes.',
          })),
        },
      ],
      services: [],
      cluster: { findings: [], facts: { nodes: 3, nodesPerZone: {} } },
    },
  };
}
