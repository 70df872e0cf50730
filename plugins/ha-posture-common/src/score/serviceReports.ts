import { MessageRef } from '../messages/format';
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
    // One entry per distinct sentence, with the message it was built from when there is one.
    const spofs = new Map<string, MessageRef | undefined>();
    for (const f of rs.flatMap(r => r.findings)) {
      if (f.spof && f.severity !== 'info' && !spofs.has(f.spof))
        spofs.set(f.spof, f.spofMessage);
    }
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
      singlePointsOfFailure: [...spofs.keys()],
      singlePointsOfFailureMessages: [...spofs.values()].map(m => m ?? null),
    };
  });
}
