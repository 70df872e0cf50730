import { MessageRef, msg } from '../messages/format';
import { findingTexts } from '../rules/rule';
import { ObjectIndex } from '../grouping/ObjectIndex';
import { Workload } from '../grouping/workload';
import { containersOf } from '../kube/podSpec';
import { HaCategory, Severity } from '../model/categories';
import { Finding } from '../model/finding';
import { refOf } from '../model/kube';
import { ClusterFacts } from '../model/report';
import { RuleCheck } from '../rules/rule';
import {
  ControlPlaneFacts,
  ZONE_LABELS,
  controlPlaneFacts,
} from './controlPlaneFacts';

const apiServers: RuleCheck = {
  id: 'control-plane-api-servers',
  category: 'control-plane',
  severity: 'critical',
  title: 'Fewer than 2 API servers',
};
const etcd: RuleCheck = {
  id: 'control-plane-etcd-members',
  category: 'control-plane',
  severity: 'critical',
  title: 'etcd member count is not odd and at least 3',
};
const etcdQuorum: RuleCheck = {
  id: 'control-plane-etcd-quorum',
  category: 'control-plane',
  severity: 'warning',
  title: 'etcd tolerates no further member failure',
};
const zones: RuleCheck = {
  id: 'control-plane-zones',
  category: 'control-plane',
  severity: 'warning',
  title: 'Every control-plane node in one zone',
};
const unknownFact: RuleCheck = {
  id: 'control-plane-unknown',
  category: 'control-plane',
  severity: 'warning',
  title: 'The cluster does not show its control plane',
};
const unreachable: RuleCheck = {
  id: 'control-plane-unreachable',
  category: 'control-plane',
  severity: 'critical',
  title: "The cluster's API does not answer",
};
const ingressController: RuleCheck = {
  id: 'control-plane-ingress-controller',
  category: 'control-plane',
  severity: 'critical',
  title: 'Single ingress-controller replica',
};
const registry: RuleCheck = {
  id: 'control-plane-registry',
  category: 'control-plane',
  severity: 'warning',
  title: 'Single registry replica',
};

const ETCD_MESSAGE = {
  single: 'control-plane-etcd-members.single.message',
  few: 'control-plane-etcd-members.few.message',
  even: 'control-plane-etcd-members.even.message',
} as const;

const UNKNOWN_MESSAGE = {
  apiServers: {
    message: 'control-plane-unknown.apiServers.message',
    remediation: 'control-plane-unknown.apiServers.remediation',
    spof: 'control-plane-unknown.apiServers.spof',
  },
  etcdMembers: {
    message: 'control-plane-unknown.etcdMembers.message',
    remediation: 'control-plane-unknown.etcdMembers.remediation',
    spof: 'control-plane-unknown.etcdMembers.spof',
  },
} as const;

/** Why an etcd member count cannot keep quorum through one failure (it is below 3 or even). */
function etcdProblem(members: number): keyof typeof ETCD_MESSAGE {
  if (members === 1) return 'single';
  return members < 3 ? 'few' : 'even';
}

/**
 * The cluster-level checks, for SARIF and the docs. `control-plane-unknown` is not one:
 * only a live cluster's posture (never manifests) gets it, from {@link incompleteFindings}.
 */
export const CLUSTER_CHECKS: RuleCheck[] = [
  apiServers,
  etcd,
  etcdQuorum,
  zones,
  ingressController,
  registry,
];

const INGRESS_NAMES =
  /^(ingress-nginx|nginx-ingress|rke2-ingress-nginx|traefik|haproxy-ingress|kubernetes-ingress|contour|kong|emissary-ingress|ambassador)$/;
const INGRESS_IMAGE =
  /ingress-nginx\/controller|nginx-ingress-controller|(^|\/)traefik[:@]|haproxy-ingress|(^|\/)kong[:@]|projectcontour\/contour|kubernetes-ingress[:@]/;
const REGISTRY_NAMES =
  /^(docker-registry|registry|harbor-registry|zot|distribution)$/;
const REGISTRY_IMAGE =
  /(^|\/)(registry|distribution|zot|zot-linux-amd64)[:@]|harbor-registry|registry-photon/;

function finding(
  check: RuleCheck,
  message: MessageRef,
  evidence: MessageRef | string,
  remediation: MessageRef | string,
  objects: string[],
  spof: MessageRef,
  severity?: Severity,
): Finding {
  return {
    rule: check.id,
    category: check.category as HaCategory,
    severity: severity ?? check.severity,
    ...findingTexts({ message, evidence, remediation, spof }),
    objects,
  };
}

function matchesAny(w: Workload, names: RegExp, images: RegExp): boolean {
  const l = w.template.metadata.labels;
  const name = l['app.kubernetes.io/name'] ?? l.app ?? '';
  return (
    names.test(name) ||
    containersOf(w.template.spec).some(c => images.test(c.image ?? ''))
  );
}

/** What the objects show of the cluster: nodes per zone and its control plane. */
export function clusterFacts(index: ObjectIndex, now?: number): ClusterFacts {
  const nodes = index.list('Node');
  const nodesPerZone: Record<string, number> = {};
  for (const n of nodes) {
    const l = n.metadata?.labels ?? {};
    const zone = ZONE_LABELS.map(k => l[k]).find(Boolean) ?? '(no zone)';
    nodesPerZone[zone] = (nodesPerZone[zone] ?? 0) + 1;
  }
  const controlPlane = controlPlaneFacts(index, now);
  const facts: ClusterFacts = {
    nodes: nodes.length,
    nodesPerZone,
    controlPlane,
  };
  if (controlPlane.apiServers.count !== undefined)
    facts.apiServers = controlPlane.apiServers.count;
  if (controlPlane.etcdMembers.count !== undefined)
    facts.etcdMembers = controlPlane.etcdMembers.count;
  return facts;
}

/** etcd members up against its quorum: a warning at exactly quorum, critical below it. */
function quorumFinding(cp: ControlPlaneFacts): Finding | undefined {
  const { count, alive } = cp.etcdMembers;
  if (count === undefined || alive === undefined || alive >= count)
    return undefined;
  const quorum = Math.floor(count / 2) + 1;
  const lost = alive < quorum;
  return finding(
    etcdQuorum,
    msg(
      lost
        ? 'control-plane-etcd-quorum.lost.message'
        : 'control-plane-etcd-quorum.last.message',
      { alive, members: count },
    ),
    msg('evidence.etcdReady', { alive, members: count }),
    msg('control-plane-etcd-quorum.remediation'),
    cp.etcdMembers.objects,
    msg('control-plane-etcd-quorum.spof'),
    lost ? 'critical' : 'warning',
  );
}

/** Two or more control-plane nodes, all with the same zone label. */
function zoneFinding(cp: ControlPlaneFacts): Finding | undefined {
  const perZone = Object.entries(cp.zones.perZone ?? {});
  const nodes = perZone.reduce((s, [, n]) => s + n, 0);
  if (perZone.length !== 1 || nodes < 2 || perZone[0][0] === '(no zone)')
    return undefined;
  return finding(
    zones,
    msg('control-plane-zones.message', { nodes, zone: perZone[0][0] }),
    msg('evidence.controlPlaneZone', { zone: perZone[0][0], nodes }),
    msg('control-plane-zones.remediation'),
    cp.zones.objects,
    msg('control-plane-zones.spof', { zone: perZone[0][0] }),
  );
}

/**
 * For a live cluster: one warning per control-plane fact it does not expose, so that
 * an unknown control plane never grades A (manifests, which say nothing of the
 * cluster, do not get these).
 *
 * @public
 */
export function incompleteFindings(facts: ClusterFacts): Finding[] {
  return (facts.controlPlane?.unknown ?? []).map(fact =>
    finding(
      unknownFact,
      msg(UNKNOWN_MESSAGE[fact].message),
      msg('evidence.unknownFact', { fact }),
      msg(UNKNOWN_MESSAGE[fact].remediation),
      [],
      msg(UNKNOWN_MESSAGE[fact].spof),
    ),
  );
}

/**
 * The finding of a live cluster whose API did not answer the portal. `reason` names the
 * failure without its address ("HTTP 500", "ECONNREFUSED"); like `control-plane-unknown`,
 * it comes only from a live read.
 *
 * @public
 */
export function unreachableFinding(reason: string): Finding {
  return finding(
    unreachable,
    msg('control-plane-unreachable.message', { reason }),
    msg('evidence.apiUnreachable', { reason }),
    msg('control-plane-unreachable.remediation'),
    [],
    msg('control-plane-unreachable.spof'),
  );
}

/** `control-plane` findings: API servers, etcd, ingress controller and registry replicas. */
export function evaluateCluster(
  index: ObjectIndex,
  workloads: Workload[],
): { findings: Finding[]; facts: ClusterFacts } {
  const facts = clusterFacts(index);
  const cp = facts.controlPlane!;
  const out: Finding[] = [];
  if (facts.apiServers !== undefined && facts.apiServers < 2) {
    out.push(
      finding(
        apiServers,
        msg('control-plane-api-servers.message', {
          apiServers: facts.apiServers,
        }),
        msg('evidence.apiServers', {
          apiServers: facts.apiServers,
          source: `${cp.apiServers.source}`,
        }),
        msg('control-plane-api-servers.remediation'),
        cp.apiServers.objects,
        msg('control-plane-api-servers.spof'),
      ),
    );
  }
  if (
    facts.etcdMembers !== undefined &&
    (facts.etcdMembers < 3 || facts.etcdMembers % 2 === 0)
  ) {
    out.push(
      finding(
        etcd,
        msg(ETCD_MESSAGE[etcdProblem(facts.etcdMembers)], {
          members: facts.etcdMembers,
        }),
        msg('evidence.etcdMembers', { members: facts.etcdMembers }),
        msg('control-plane-etcd-members.remediation'),
        cp.etcdMembers.objects,
        msg('control-plane-etcd-members.spof'),
        facts.etcdMembers < 3 ? 'critical' : 'warning',
      ),
    );
  }
  for (const f of [quorumFinding(cp), zoneFinding(cp)]) if (f) out.push(f);
  for (const w of workloads) {
    const isIngress = matchesAny(w, INGRESS_NAMES, INGRESS_IMAGE);
    const isRegistry =
      !isIngress && matchesAny(w, REGISTRY_NAMES, REGISTRY_IMAGE);
    if (!isIngress && !isRegistry) continue;
    let replicas = w.replicas;
    if (w.kind === 'DaemonSet') {
      // One pod per node: the live pods, else the nodes, else assume it runs on several.
      if (w.pods.length > 0) replicas = w.pods.length;
      else replicas = facts.nodes > 0 ? facts.nodes : 2;
    }
    if (replicas >= 2) continue;
    const check = isIngress ? ingressController : registry;
    out.push(
      finding(
        check,
        msg(
          isIngress
            ? 'control-plane-ingress-controller.message'
            : 'control-plane-registry.message',
          { kind: w.kind, object: `${w.namespace}/${w.name}`, replicas },
        ),
        `spec.replicas: ${w.object.spec?.replicas ?? 1}`,
        `spec:\n  replicas: ${
          isIngress ? 2 : 2
        }  # with podAntiAffinity on kubernetes.io/hostname${
          isIngress ? '' : ' and shared (ReadWriteMany or object) storage'
        }`,
        [refOf(w.object)],
        msg(
          isIngress
            ? 'control-plane-ingress-controller.spof'
            : 'control-plane-registry.spof',
          { name: w.name },
        ),
      ),
    );
  }
  return { findings: out, facts };
}
