import type { MessageParams } from '../messages/format';
import { HaCategory, Severity } from '../model/categories';
import { Finding } from '../model/finding';
import { Grade, PostureReport } from '../model/report';

/** A finding in the public JSON contract. */
export interface ContractFinding {
  rule: string;
  category: HaCategory;
  severity: Severity;
  message: string;
  /** The id of the message in the catalogs, for a reader that shows it in another language. */
  messageId?: string;
  /** The values of its placeholders. */
  params?: MessageParams;
  objects: string[];
  remediation: string;
}

/**
 * The public JSON contract of `diehard-posture scan --format json`, exactly:
 * `{"workloads":[{"kind","namespace","name","grade","findings":[{"rule","category","severity","message","messageId","params","objects","remediation"}]}],"cluster":{"findings":[…]}}`.
 * `message` stays English; `messageId` and `params` name it in the message catalogs.
 *
 * @public
 */
export interface ContractReport {
  workloads: Array<{
    kind: string;
    namespace: string;
    name: string;
    grade: Grade;
    findings: ContractFinding[];
  }>;
  cluster: { findings: ContractFinding[] };
}

function finding(f: Finding): ContractFinding {
  return {
    rule: f.rule,
    category: f.category,
    severity: f.severity,
    // The evidence travels inside the message: the contract has no field of its own for it.
    message: f.evidence ? `${f.message} [${f.evidence}]` : f.message,
    ...(f.messageId ? { messageId: f.messageId, params: f.params ?? {} } : {}),
    objects: f.objects,
    remediation: f.remediation,
  };
}

/**
 * Projects a {@link PostureReport} onto the public JSON contract (and nothing more).
 *
 * @public
 */
export function toContractJson(report: PostureReport): ContractReport {
  return {
    workloads: report.workloads.map(w => ({
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      grade: w.grade,
      findings: w.findings.map(finding),
    })),
    cluster: { findings: report.cluster.findings.map(finding) },
  };
}
