import { ObjectIndex } from '../grouping/ObjectIndex';
import { Grouping } from '../grouping/groupWorkloads';
import { Workload } from '../grouping/workload';
import { HaCategory, Severity } from '../model/categories';
import { Finding } from '../model/finding';
import { refOf } from '../model/kube';
import { ConfigFile } from '../tomcat/configFiles';

/** One check a rule can report: a stable id with its category and severity. */
export interface RuleCheck {
  id: string;
  category: HaCategory;
  severity: Severity;
  /** One line, for SARIF and the docs. */
  title: string;
}

/** What a rule sees when it judges one workload. */
export interface RuleContext {
  workload: Workload;
  /** Every workload of the evaluation (a DSN may point at another one). */
  workloads: Workload[];
  index: ObjectIndex;
  /** The grouping the workloads come from (Service → workloads lookups). */
  grouping: Grouping;
  /** The service the workload belongs to, for plain-words messages. */
  service: string;
  /** Config files the workload's containers load (mounted ones and files next to the manifests). */
  files: ConfigFile[];
}

/** A rule: one concern, one file, its test beside it. */
export interface PostureRule {
  checks: RuleCheck[];
  evaluate(ctx: RuleContext): Finding[];
}

/** Builds a finding for a check, with the workload first among its objects. */
export function findingFor(
  check: RuleCheck,
  w: Workload,
  f: {
    message: string;
    evidence: string;
    remediation: string;
    objects?: string[];
    spof?: string;
    severity?: Severity;
  },
): Finding {
  return {
    rule: check.id,
    category: check.category,
    severity: f.severity ?? check.severity,
    message: f.message,
    objects: [...new Set([refOf(w.object), ...(f.objects ?? [])])],
    evidence: f.evidence,
    remediation: f.remediation,
    ...(f.spof ? { spof: f.spof } : {}),
  };
}

/** "Deployment todo" */
export function label(w: Workload): string {
  return `${w.kind} ${w.name}`;
}

/** The nodes the workload's live pods run on, if known. */
export function liveNodes(w: Workload): string[] {
  return [
    ...new Set(
      w.pods.map(p => p.spec?.nodeName).filter((n): n is string => !!n),
    ),
  ];
}

/** "node worker-1" when the live pods show it, else "the node running Deployment todo". */
export function nodePhrase(w: Workload): string {
  const nodes = liveNodes(w);
  return nodes.length === 1
    ? `node ${nodes[0]}`
    : `the node running ${label(w)}`;
}
