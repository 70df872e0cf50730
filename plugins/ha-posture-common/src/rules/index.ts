import { databaseDsnRule } from './DatabaseDsnRule';
import { databaseUnseenRule } from './DatabaseUnseenRule';
import { disruptionRule } from './DisruptionRule';
import { galeraQuorumRule } from './GaleraQuorumRule';
import { hostNetworkRule } from './HostNetworkRule';
import { hostPathRule } from './HostPathRule';
import { imageRule } from './ImageRule';
import { ingressBackendRule } from './IngressBackendRule';
import { membershipRule } from './MembershipRule';
import { networkPolicyRule } from './NetworkPolicyRule';
import { nfsRule } from './NfsRule';
import { nodeLocalVolumeRule } from './NodeLocalVolumeRule';
import { probeRule } from './ProbeRule';
import { replicaRule } from './ReplicaRule';
import { resourcesRule } from './ResourcesRule';
import { rolloutRule } from './RolloutRule';
import { rwoVolumeRule } from './RwoVolumeRule';
import { sessionReplicationRule } from './SessionReplicationRule';
import { spreadRule } from './SpreadRule';
import { PostureRule } from './rule';

/** Every workload rule, in report order. */
export const WORKLOAD_RULES: PostureRule[] = [
  replicaRule,
  spreadRule,
  disruptionRule,
  probeRule,
  rolloutRule,
  sessionReplicationRule,
  membershipRule,
  galeraQuorumRule,
  databaseDsnRule,
  databaseUnseenRule,
  rwoVolumeRule,
  hostPathRule,
  nodeLocalVolumeRule,
  nfsRule,
  ingressBackendRule,
  hostNetworkRule,
  imageRule,
  resourcesRule,
  networkPolicyRule,
];

export type { PostureRule, RuleCheck, RuleContext } from './rule';
