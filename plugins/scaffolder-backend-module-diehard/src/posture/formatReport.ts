import type { Grade, PostureReport } from '@diehard/plugin-ha-posture-common';

export const GRADES: Grade[] = ['A', 'B', 'C', 'D', 'F'];

/** Better grades sort first: A = 0 … F = 4. */
export const gradeRank = (g: Grade) => GRADES.indexOf(g);

/** The overall grade: the weakest service decides (A when there is nothing to grade). */
export function overallGrade(report: PostureReport): {
  grade: Grade;
  score: number;
} {
  if (!report.services.length) return { grade: 'A', score: 100 };
  const worst = report.services.reduce((a, b) =>
    b.score < a.score ||
    (b.score === a.score && gradeRank(b.grade) > gradeRank(a.grade))
      ? b
      : a,
  );
  return { grade: worst.grade, score: worst.score };
}

/** The report as task log lines, worst first, one finding per line. */
export function formatReport(report: PostureReport): string[] {
  const lines: string[] = [];
  const workloads = [...report.workloads].sort((a, b) => a.score - b.score);
  for (const w of workloads) {
    lines.push(
      `${w.grade} (${w.score}) ${w.kind} ${w.namespace}/${w.name}, service ${w.service}, ${w.replicas} replica(s)`,
    );
    for (const f of w.findings) {
      lines.push(
        `    ${f.severity.toUpperCase()} [${f.category}/${f.rule}] ${
          f.message
        }`,
      );
      const fix = f.remediation.split('\n')[0];
      if (fix) lines.push(`        fix: ${fix}`);
    }
  }
  for (const f of report.cluster.findings) {
    lines.push(
      `cluster ${f.severity.toUpperCase()} [${f.category}/${f.rule}] ${
        f.message
      }`,
    );
  }
  for (const s of report.services) {
    for (const spof of s.singlePointsOfFailure)
      lines.push(`single point of failure (${s.name}): ${spof}`);
  }
  return lines;
}
