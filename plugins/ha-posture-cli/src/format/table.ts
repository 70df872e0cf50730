import { Finding, PostureReport } from '@diehard/plugin-ha-posture-common';

const PAD = ' '.repeat(13);

function findingLines(f: Finding): string[] {
  const [first, ...rest] = f.remediation.split('\n');
  return [
    `    ${f.severity.padEnd(8)} ${f.category.padEnd(13)} ${f.rule}`,
    `${PAD}${f.message}`,
    `${PAD}evidence: ${f.evidence}`,
    `${PAD}fix: ${first}`,
    ...rest.map(l => (l ? `${PAD}     ${l}` : '')),
  ];
}

/** Human-readable report: one line per workload, its findings below, then cluster and SPOFs. */
export function formatTable(report: PostureReport): string {
  const lines: string[] = [];
  for (const w of report.workloads) {
    const counts = ['critical', 'warning', 'info']
      .map(s => [s, w.findings.filter(f => f.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`);
    lines.push(
      `${w.grade}  ${w.kind} ${w.namespace}/${w.name}  (score ${w.score}${
        counts.length ? `; ${counts.join(', ')}` : ''
      })`,
    );
    for (const f of w.findings) lines.push(...findingLines(f));
  }
  if (report.workloads.length === 0) lines.push('No workloads found.');
  lines.push(
    '',
    `Cluster: ${report.cluster.facts.nodes} node(s)${
      report.cluster.findings.length ? '' : ', no control-plane finding'
    }`,
  );
  for (const f of report.cluster.findings) lines.push(...findingLines(f));
  for (const s of report.services) {
    lines.push('', `Service ${s.name}: grade ${s.grade} (score ${s.score})`);
    for (const spof of s.singlePointsOfFailure) lines.push(`  - ${spof}`);
  }
  return `${lines.join('\n')}\n`;
}
