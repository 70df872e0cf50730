import { ObjectIndex } from '../grouping/ObjectIndex';
import { Grouping } from '../grouping/groupWorkloads';
import { Workload } from '../grouping/workload';
import { HaCategory, Severity } from '../model/categories';
import { Finding } from '../model/finding';
import { refOf } from '../model/kube';
import { ConfigFile } from '../tomcat/configFiles';
import { MessageRef, msg, renderMessage } from '../messages/format';

/**
 * One check a rule can report: a stable id with its category and severity.
 *
 * @public
 */
export interface RuleCheck {
  id: string;
  category: HaCategory;
  severity: Severity;
  /** One line, for SARIF and the docs. */
  title: string;
}

/**
 * What a rule sees when it judges one workload.
 *
 * @public
 */
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

/**
 * A rule: one concern, one file, its test beside it.
 *
 * @public
 */
export interface PostureRule {
  checks: RuleCheck[];
  evaluate(ctx: RuleContext): Finding[];
  /**
   * The rule's own message catalogs, for a rule added outside the engine (a company's check):
   * its findings are written from them, in English and in each language given.
   */
  messages?: RuleMessages;
}

/**
 * A rule's messages by id, `{{param}}` placeholders, English and other languages.
 *
 * @public
 */
export interface RuleMessages {
  en: Record<string, string>;
  [language: string]: Record<string, string>;
}

/**
 * Builds a finding for a check, with the workload first among its objects.
 *
 * @public
 */
export function findingFor(
  check: RuleCheck,
  w: Workload,
  f: FindingTexts & { objects?: string[]; severity?: Severity },
): Finding {
  return {
    rule: check.id,
    category: check.category,
    severity: f.severity ?? check.severity,
    ...findingTexts(f),
    objects: [...new Set([refOf(w.object), ...(f.objects ?? [])])],
  };
}

/**
 * What a finding says, as messages: evidence of fields and values only, or a remediation that
 * is only a snippet, stays a string.
 *
 * @public
 */
export interface FindingTexts {
  message: MessageRef;
  evidence: MessageRef | string;
  remediation: MessageRef | string;
  spof?: MessageRef;
}

/** The English strings of a finding with the message ids and parameters they come from. */
export function findingTexts(
  f: FindingTexts,
): Pick<
  Finding,
  | 'message'
  | 'messageId'
  | 'params'
  | 'evidence'
  | 'evidenceMessage'
  | 'remediation'
  | 'remediationMessage'
  | 'spof'
  | 'spofMessage'
> {
  return {
    message: renderMessage(f.message),
    messageId: f.message.id,
    params: f.message.params,
    ...(typeof f.evidence === 'string'
      ? { evidence: f.evidence }
      : { evidence: renderMessage(f.evidence), evidenceMessage: f.evidence }),
    ...(typeof f.remediation === 'string'
      ? { remediation: f.remediation }
      : {
          remediation: renderMessage(f.remediation),
          remediationMessage: f.remediation,
        }),
    ...(f.spof ? { spof: renderMessage(f.spof), spofMessage: f.spof } : {}),
  };
}

/**
 * "Deployment todo"
 *
 * @public
 */
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
export function nodePhrase(w: Workload): MessageRef {
  const nodes = liveNodes(w);
  return nodes.length === 1
    ? msg('phrase.node', { node: nodes[0] })
    : msg('phrase.nodeRunning', { workload: label(w) });
}
