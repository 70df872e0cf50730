import { HaCategory, Severity } from './categories';

/** One reason a workload (or the cluster) does not survive some failure. */
export interface Finding {
  /** Stable rule id, e.g. `replicas-single`. */
  rule: string;
  category: HaCategory;
  severity: Severity;
  /** What is wrong, in one sentence, naming the evidence. Never contains a password. */
  message: string;
  /** The objects involved, as `Kind/namespace/name` references. */
  objects: string[];
  /** The field or value that shows it, e.g. `spec.replicas: 1`. */
  evidence: string;
  /** What a developer can do, often with a YAML snippet. */
  remediation: string;
  /**
   * The single point of failure in plain words, when the finding is one
   * ("if node worker-1 fails, todo loses all its sessions").
   */
  spof?: string;
}
