import { Finding } from '../model/finding';
import { Grade } from '../model/report';

/**
 * Penalty points per finding. The score of a workload is
 *
 *   score = max(0, 100 − 35 × critical − 10 × warning − 1 × info)
 *
 * and its grade: A ≥ 95, B ≥ 85, C ≥ 70, D ≥ 50, F below; a workload with any critical
 * finding is never better than D. So: no finding (or a few infos) = A; one warning = B;
 * two or three warnings = C; one critical = D; two criticals = F.
 * A service's score is the lowest of its workloads' scores (the weakest link decides).
 *
 * @public
 */
export const PENALTY = { critical: 35, warning: 10, info: 1 } as const;

/**
 * Grade thresholds, best first.
 *
 * @public
 */
export const GRADE_THRESHOLDS: Array<[Grade, number]> = [
  ['A', 95],
  ['B', 85],
  ['C', 70],
  ['D', 50],
  ['F', 0],
];

/**
 * The 0–100 score of a set of findings.
 *
 * @public
 */
export function scoreOf(findings: Finding[]): number {
  const lost = findings.reduce((s, f) => s + PENALTY[f.severity], 0);
  return Math.max(0, 100 - lost);
}

/**
 * The grade of a score; `hasCritical` caps it at D.
 *
 * @public
 */
export function gradeOf(score: number, hasCritical: boolean): Grade {
  const g = GRADE_THRESHOLDS.find(([, min]) => score >= min)![0];
  return hasCritical && (g === 'A' || g === 'B' || g === 'C') ? 'D' : g;
}

/**
 * Score and grade of a set of findings.
 *
 * @public
 */
export function grade(findings: Finding[]): { score: number; grade: Grade } {
  const score = scoreOf(findings);
  return {
    score,
    grade: gradeOf(
      score,
      findings.some(f => f.severity === 'critical'),
    ),
  };
}
