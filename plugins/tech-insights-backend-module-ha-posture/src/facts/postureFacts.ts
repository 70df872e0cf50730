import {
  EntityPosture,
  HA_CATEGORIES,
  HaCategory,
} from '@diehard/plugin-ha-posture-common';
import { FactSchema } from '@backstage-community/plugin-tech-insights-common';

/**
 * The facts of one entity's HA posture (`haPostureFactRetriever`).
 *
 * @public
 */
export interface HaPostureFacts {
  [name: string]: string | number | Record<string, number>;
  /** A to F. */
  grade: string;
  /** 0–100: the lowest score of its services and workloads. */
  score: number;
  criticalFindings: number;
  warningFindings: number;
  /** Findings per category of the HA taxonomy, every category present. */
  findingsByCategory: Record<HaCategory, number>;
  singlePointsOfFailure: number;
}

/** @public */
export const HA_POSTURE_FACTS_SCHEMA: FactSchema = {
  grade: { type: 'string', description: 'HA posture grade, A to F' },
  score: {
    type: 'integer',
    description: 'HA posture score, 0–100 (the lowest of its services)',
  },
  criticalFindings: {
    type: 'integer',
    description:
      'Critical findings: one failure stops the service or loses data',
  },
  warningFindings: {
    type: 'integer',
    description: 'Warning findings: one failure degrades the service',
  },
  findingsByCategory: {
    type: 'object',
    description: `Findings per HA category (${HA_CATEGORIES.join(', ')})`,
  },
  singlePointsOfFailure: {
    type: 'integer',
    description: 'Single points of failure',
  },
};

/** The facts of a graded posture; undefined when there was nothing to grade. */
export function postureFacts(
  posture: EntityPosture,
): HaPostureFacts | undefined {
  if (!posture.grade) return undefined;
  const findings = [
    ...posture.report.cluster.findings,
    ...posture.report.workloads.flatMap(w => w.findings),
  ];
  const findingsByCategory = Object.fromEntries(
    HA_CATEGORIES.map(c => [c, 0]),
  ) as Record<HaCategory, number>;
  for (const finding of findings) findingsByCategory[finding.category] += 1;
  const scores = [
    ...posture.report.services.map(s => s.score),
    ...posture.report.workloads.map(w => w.score),
  ];
  return {
    grade: posture.grade,
    score: scores.length ? Math.min(...scores) : 100,
    criticalFindings: findings.filter(f => f.severity === 'critical').length,
    warningFindings: findings.filter(f => f.severity === 'warning').length,
    findingsByCategory,
    singlePointsOfFailure: posture.singlePointsOfFailure.length,
  };
}
