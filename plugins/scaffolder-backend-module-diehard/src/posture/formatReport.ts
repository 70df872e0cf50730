import {
  Grade,
  MessageLanguage,
  PostureReport,
  findingText,
  messageText,
} from '@diehard/plugin-ha-posture-common';

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

/** The gate's own words, by language. */
export const GATE_WORDS = {
  en: {
    workload: (replicas: number, service: string) =>
      `service ${service}, ${replicas} replica(s)`,
    fix: 'fix: ',
    cluster: 'cluster',
    spof: (service: string) => `single point of failure (${service}): `,
    verdict: (grade: Grade, score: number, minimum: Grade, passed: boolean) =>
      `HA posture grade ${grade} (${score}/100), minimum ${minimum}: ${
        passed ? 'passed' : 'FAILED'
      }`,
    failed: (grade: Grade, minimum: Grade, worst: string[]) =>
      `HA posture grade ${grade} is below the minimum ${minimum} (${worst.join(
        ', ',
      )}); see the log for findings and fixes. Grades: ${GRADES.join(' > ')}`,
    classesRead: (cluster: string, classes: string[]) =>
      `storage classes on ${cluster}, judged with the claims: ${
        classes.join(', ') || 'none'
      }`,
    classesNotRead: (cluster: string, status: number) =>
      `the storage classes on ${cluster} could not be read (${
        status ? `HTTP ${status}` : 'no answer'
      }): the claims are judged from the manifests alone`,
  },
  fr: {
    workload: (replicas: number, service: string) =>
      `service ${service}, ${replicas} réplica(s)`,
    fix: 'correctif : ',
    cluster: 'cluster',
    spof: (service: string) => `point unique de défaillance (${service}) : `,
    verdict: (grade: Grade, score: number, minimum: Grade, passed: boolean) =>
      `Posture HA : note ${grade} (${score}/100), minimum ${minimum} : ${
        passed ? 'réussi' : 'ÉCHEC'
      }`,
    failed: (grade: Grade, minimum: Grade, worst: string[]) =>
      `La note de posture HA ${grade} est sous le minimum ${minimum} (${worst.join(
        ', ',
      )}) ; le journal donne les constats et leurs correctifs. Notes : ${GRADES.join(
        ' > ',
      )}`,
    classesRead: (cluster: string, classes: string[]) =>
      `classes de stockage sur ${cluster}, jugées avec les claims : ${
        classes.join(', ') || 'aucune'
      }`,
    classesNotRead: (cluster: string, status: number) =>
      `les classes de stockage sur ${cluster} n'ont pu être lues (${
        status ? `HTTP ${status}` : 'pas de réponse'
      }) : les claims sont jugées sur les seuls manifestes`,
  },
} satisfies Record<MessageLanguage, unknown>;

/** The report as task log lines in `language`, worst first, one finding per line. */
export function formatReport(
  report: PostureReport,
  language: MessageLanguage = 'en',
): string[] {
  const words = GATE_WORDS[language];
  const lines: string[] = [];
  const workloads = [...report.workloads].sort((a, b) => a.score - b.score);
  for (const w of workloads) {
    lines.push(
      `${w.grade} (${w.score}) ${w.kind} ${w.namespace}/${
        w.name
      }, ${words.workload(w.replicas, w.service)}`,
    );
    for (const f of w.findings) {
      const text = findingText(f, language);
      lines.push(
        `    ${f.severity.toUpperCase()} [${f.category}/${f.rule}] ${
          text.message
        }`,
      );
      const fix = text.remediation.split('\n')[0];
      if (fix) lines.push(`        ${words.fix}${fix}`);
    }
  }
  for (const f of report.cluster.findings) {
    lines.push(
      `${words.cluster} ${f.severity.toUpperCase()} [${f.category}/${f.rule}] ${
        findingText(f, language).message
      }`,
    );
  }
  for (const s of report.services) {
    s.singlePointsOfFailure.forEach((spof, i) =>
      lines.push(
        `${words.spof(s.name)}${messageText(
          s.singlePointsOfFailureMessages?.[i],
          spof,
          language,
        )}`,
      ),
    );
  }
  return lines;
}
