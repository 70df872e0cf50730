/**
 * The posture engine alone, for tools that only scan (the CLI, the render helpers): what
 * `@diehard/plugin-ha-posture-common` exports but its API client, permissions, annotations
 * and corpus schema, so that loading it loads neither the catalog model nor the permission
 * framework.
 *
 * @packageDocumentation
 */

export { evaluatePosture, postureInputSchema, ALL_CHECKS } from '../evaluate';
export type { PostureInput, EvaluateOptions } from '../evaluate';
export { HA_CATEGORIES, SEVERITIES, severityRank } from '../model/categories';
export type { HaCategory, Severity } from '../model/categories';
export type { Finding, FindingTranslation } from '../model/finding';
export type { KubeObject } from '../model/kube';
export { refOf, namespaceOf } from '../model/kube';
export type {
  Grade,
  PostureReport,
  WorkloadReport,
  WorkloadAround,
  ServiceReport,
  ClusterFacts,
} from '../model/report';
export {
  incompleteFindings,
  unreachableFinding,
} from '../cluster/controlPlane';
export type {
  ControlPlaneFact,
  ControlPlaneFacts,
  FactSource,
  LeaderFact,
} from '../cluster/controlPlaneFacts';
export {
  parseManifests,
  collectManifestObjects,
} from '../manifests/parseManifests';
export { DEFAULT_MANIFEST_LIMITS, formatBytes } from '../manifests/limits';
export { KUBERNETES_YAML_OPTIONS } from '../manifests/kubernetesYaml';
export type { ManifestLimits } from '../manifests/limits';
export type {
  ParsedManifests,
  ManifestError,
  ObjectSource,
} from '../manifests/parseManifests';
export {
  addPostureFile,
  emptyPostureFiles,
  isPostureInput,
  postureFileKind,
  readPostureFiles,
} from '../inputs/postureFiles';
export type {
  PostureFileKind,
  PostureFileOptions,
  PostureFiles,
} from '../inputs/postureFiles';
export {
  isInsideRendered,
  planRenders,
  renderMarker,
} from '../inputs/renderSources';
export type {
  RenderKind,
  RenderPlan,
  RenderRoot,
} from '../inputs/renderSources';
export { readLabelSelector, selectorMatches } from '../kube/selectors';
export type { LabelSelector } from '../kube/selectors';
export { KUBERNETES_POD_LABELS, selectsWorkloadPods } from '../kube/podLabels';
export type { PodTemplateOwner } from '../kube/podLabels';
export { toContractJson } from '../report/contractJson';
export type { ContractReport } from '../report/contractJson';
export {
  grade,
  scoreOf,
  gradeOf,
  PENALTY,
  GRADE_THRESHOLDS,
} from '../score/grade';
export {
  parseDsn,
  findDsns,
  describeDsn,
  redactSecrets,
} from '../dsn/parseDsn';
export type { Dsn, DsnHost } from '../dsn/parseDsn';
export { isDatabaseHostVariable, parseHostValue } from '../dsn/hostSettings';
export { readSessionConfig } from '../tomcat/sessionConfig';
export type { SessionConfig } from '../tomcat/sessionConfig';
export type {
  PostureRule,
  RuleCheck,
  RuleContext,
  RuleMessages,
  FindingTexts,
} from '../rules/rule';
export { findingFor, label as workloadLabel } from '../rules/rule';
export type { Workload } from '../grouping/workload';
export { containersOf } from '../kube/podSpec';
export { FINDING_MESSAGES_EN } from '../messages/en';
export type { FindingMessageId } from '../messages/en';
export { FINDING_MESSAGES_FR } from '../messages/fr';
export { renderMessage, placeholdersOf } from '../messages/format';
export type { MessageRef, MessageParams } from '../messages/format';
export {
  findingText,
  messageLanguage,
  messageText,
} from '../messages/findingText';
export type { MessageLanguage } from '../messages/findingText';
export { RULE_TITLES_FR } from '../messages/ruleTitles.fr';
