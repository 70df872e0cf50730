import { ServiceReport, WorkloadReport } from '../model/report';

/**
 * Groups workload reports into services. A service's score is the lowest of its workloads'
 * (the weakest link decides), and its single points of failure are the plain-words `spof`
 * sentences of its critical and warning findings, e.g. "if node worker-1 fails, eni-todo
 * loses all its sessions".
 */
export function serviceReports(reports: WorkloadReport[]): ServiceReport[] {
  const services = new Map<string, WorkloadReport[]>();
  for (const r of reports) {
    const list = services.get(r.service);
    if (list) list.push(r);
    else services.set(r.service, [r]);
  }
  return [...services.entries()].map(([name, rs]) => {
    const worst = rs.reduce((a, b) =>
      b.score < a.score || (b.score === a.score && b.grade > a.grade) ? b : a,
    );
    const spofs = rs.flatMap(r =>
      r.findings.filter(f => f.spof && f.severity !== 'info').map(f => f.spof!),
    );
    return {
      name,
      grade: worst.grade,
      score: worst.score,
      workloads: rs.map(r => ({
        kind: r.kind,
        namespace: r.namespace,
        name: r.name,
        grade: r.grade,
      })),
      singlePointsOfFailure: [...new Set(spofs)],
    };
  });
}
