import { MessageRef, msg } from '../messages/format';
import { findingTexts } from '../rules/rule';
import { ObjectIndex } from '../grouping/ObjectIndex';
import { Workload } from '../grouping/workload';
import { containersOf } from '../kube/podSpec';
import { HaCategory, Severity } from '../model/categories';
import { Finding } from '../model/finding';
import { KubeObject, refOf } from '../model/kube';
import { ClusterFacts } from '../model/report';
import { RuleCheck } from '../rules/rule';

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

/** Why an etcd member count cannot keep quorum through one failure (it is below 3 or even). */
function etcdProblem(members: number): keyof typeof ETCD_MESSAGE {
  if (members === 1) return 'single';
  return members < 3 ? 'few' : 'even';
}

/** The cluster-level checks, for SARIF and the docs. */
export const CLUSTER_CHECKS: RuleCheck[] = [
  apiServers,
  etcd,
  ingressController,
  registry,
];

const ZONE_LABELS = [
  'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/zone',
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
  evidence: string,
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

function isControlPlaneNode(n: KubeObject): boolean {
  const l = n.metadata?.labels ?? {};
  return (
    'node-role.kubernetes.io/control-plane' in l ||
    'node-role.kubernetes.io/master' in l
  );
}

function systemPods(index: ObjectIndex, component: string): KubeObject[] {
  return index
    .list('Pod')
    .filter(
      p =>
        p.metadata?.labels?.component === component ||
        p.metadata?.labels?.['k8s-app'] === component,
    );
}

function matchesAny(w: Workload, names: RegExp, images: RegExp): boolean {
  const l = w.template.metadata.labels;
  const name = l['app.kubernetes.io/name'] ?? l.app ?? '';
  return (
    names.test(name) ||
    containersOf(w.template.spec).some(c => images.test(c.image ?? ''))
  );
}

/** What the objects show of the cluster: nodes per zone, API servers, etcd members. */
export function clusterFacts(index: ObjectIndex): ClusterFacts {
  const nodes = index.list('Node');
  const nodesPerZone: Record<string, number> = {};
  for (const n of nodes) {
    const l = n.metadata?.labels ?? {};
    const zone = ZONE_LABELS.map(k => l[k]).find(Boolean) ?? '(no zone)';
    nodesPerZone[zone] = (nodesPerZone[zone] ?? 0) + 1;
  }
  const facts: ClusterFacts = { nodes: nodes.length, nodesPerZone };
  const ep = index.get('Endpoints', 'default', 'kubernetes');
  const apiPods = systemPods(index, 'kube-apiserver');
  const cpNodes = nodes.filter(isControlPlaneNode);
  if (ep)
    facts.apiServers =
      (ep as any).subsets?.reduce(
        (s: number, x: any) => s + (x?.addresses?.length ?? 0),
        0,
      ) ?? 0;
  else if (apiPods.length > 0) facts.apiServers = apiPods.length;
  else if (cpNodes.length > 0) facts.apiServers = cpNodes.length;
  const etcdPods = systemPods(index, 'etcd');
  const etcdNodes = nodes.filter(
    n => 'node-role.kubernetes.io/etcd' in (n.metadata?.labels ?? {}),
  );
  if (etcdPods.length > 0) facts.etcdMembers = etcdPods.length;
  else if (etcdNodes.length > 0) facts.etcdMembers = etcdNodes.length;
  return facts;
}

/** `control-plane` findings: API servers, etcd, ingress controller and registry replicas. */
export function evaluateCluster(
  index: ObjectIndex,
  workloads: Workload[],
): { findings: Finding[]; facts: ClusterFacts } {
  const facts = clusterFacts(index);
  const out: Finding[] = [];
  if (facts.apiServers !== undefined && facts.apiServers < 2) {
    const objs = [
      ...systemPods(index, 'kube-apiserver'),
      ...(index.get('Endpoints', 'default', 'kubernetes')
        ? [index.get('Endpoints', 'default', 'kubernetes')!]
        : []),
    ];
    out.push(
      finding(
        apiServers,
        msg('control-plane-api-servers.message', {
          apiServers: facts.apiServers,
        }),
        `API server endpoints: ${facts.apiServers}`,
        msg('control-plane-api-servers.remediation'),
        objs.map(refOf),
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
        `etcd members: ${facts.etcdMembers}`,
        msg('control-plane-etcd-members.remediation'),
        systemPods(index, 'etcd').map(refOf),
        msg('control-plane-etcd-members.spof'),
        facts.etcdMembers < 3 ? 'critical' : 'warning',
      ),
    );
  }
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
