import {
  Finding,
  PostureReport,
  findingText,
  messageText,
} from '@diehard/plugin-ha-posture-common/engine';
import { Language, TABLE_WORDS } from '../i18n/language';

const PAD = ' '.repeat(13);

function findingLines(f: Finding, lang: Language): string[] {
  const words = TABLE_WORDS[lang];
  const text = findingText(f, lang);
  const [first, ...rest] = text.remediation.split('\n');
  const indent = ' '.repeat(words.fix.length);
  return [
    `    ${f.severity.padEnd(8)} ${f.category.padEnd(13)} ${f.rule}`,
    `${PAD}${text.message}`,
    `${PAD}${words.evidence}${text.evidence}`,
    `${PAD}${words.fix}${first}`,
    ...rest.map(l => (l ? `${PAD}${indent}${l}` : '')),
  ];
}

/** Human-readable report: one line per workload, its findings below, then cluster and SPOFs. */
export function formatTable(
  report: PostureReport,
  lang: Language = 'en',
): string {
  const words = TABLE_WORDS[lang];
  const lines: string[] = [];
  for (const w of report.workloads) {
    const counts = ['critical', 'warning', 'info']
      .map(s => [s, w.findings.filter(f => f.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}`);
    lines.push(
      `${w.grade}  ${w.kind} ${w.namespace}/${w.name}  (${words.score} ${
        w.score
      }${counts.length ? `; ${counts.join(', ')}` : ''})`,
    );
    for (const f of w.findings) lines.push(...findingLines(f, lang));
  }
  if (report.workloads.length === 0) lines.push(words.noWorkloads);
  lines.push(
    '',
    words.cluster(
      report.cluster.facts.nodes,
      report.cluster.findings.length > 0,
    ),
  );
  for (const f of report.cluster.findings) lines.push(...findingLines(f, lang));
  for (const s of report.services) {
    lines.push('', words.service(s.name, s.grade, s.score));
    s.singlePointsOfFailure.forEach((spof, i) =>
      lines.push(
        `  - ${messageText(s.singlePointsOfFailureMessages?.[i], spof, lang)}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
