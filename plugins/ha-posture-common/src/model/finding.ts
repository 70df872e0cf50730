import { HaCategory, Severity } from './categories';
import type { MessageParams, MessageRef } from '../messages/format';

/**
 * One reason a workload (or the cluster) does not survive some failure.
 *
 * @public
 */
export interface Finding {
  /** Stable rule id, e.g. `replicas-single`. */
  rule: string;
  category: HaCategory;
  severity: Severity;
  /** What is wrong, in one sentence, naming the evidence. Never contains a password. */
  message: string;
  /**
   * The id of {@link Finding.message} in the message catalogs (`FINDING_MESSAGES_EN`). The
   * engine always sets it; reports stored before it existed lack it.
   */
  messageId?: string;
  /** The values of the message's placeholders: object names, counts, fields, phrases. */
  params?: MessageParams;
  /** The objects involved, as `Kind/namespace/name` references. */
  objects: string[];
  /** The field or value that shows it, e.g. `spec.replicas: 1`. */
  evidence: string;
  /** The evidence as a message, when it has words to translate (absent: fields and values only). */
  evidenceMessage?: MessageRef;
  /** What a developer can do, often with a YAML snippet. */
  remediation: string;
  /** The remediation as a message, when it has prose to translate (absent: a snippet only). */
  remediationMessage?: MessageRef;
  /**
   * The single point of failure in plain words, when the finding is one
   * ("if node worker-1 fails, todo loses all its sessions").
   */
  spof?: string;
  /** {@link Finding.spof} as a message. */
  spofMessage?: MessageRef;
  /**
   * The finding's sentences in other languages, by language (`fr`), for a rule whose messages
   * the portal's catalogs do not hold (a company's own rule).
   */
  translations?: Record<string, FindingTranslation>;
}

/**
 * A finding's sentences in one language.
 *
 * @public
 */
export interface FindingTranslation {
  /** {@link Finding.message} in this language. */
  message: string;
  /** {@link Finding.evidence} in this language, when it has words to translate. */
  evidence?: string;
  /** {@link Finding.remediation} in this language, when it has prose to translate. */
  remediation?: string;
  /** {@link Finding.spof} in this language. */
  spof?: string;
}
