import { selectorMatches } from '../kube/selectors';
import { KubeObject, refOf } from '../model/kube';
import { PostureRule, RuleCheck, findingFor, label, liveNodes } from './rule';

const noSpread: RuleCheck = {
  id: 'spread-no-anti-affinity',
  category: 'spread',
  severity: 'warning',
  title: 'Nothing keeps replicas on different nodes',
};
const mismatch: RuleCheck = {
  id: 'spread-selector-mismatch',
  category: 'spread',
  severity: 'warning',
  title: "Anti-affinity or spread selector does not match the workload's pods",
};
const oneNode: RuleCheck = {
  id: 'spread-live-one-node',
  category: 'spread',
  severity: 'critical',
  title: 'All live replicas run on one node',
};
const oneZone: RuleCheck = {
  id: 'spread-live-one-zone',
  category: 'spread',
  severity: 'warning',
  title: 'All live replicas run in one zone of a multi-zone cluster',
};

const ZONE_LABELS = [
  'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/zone',
];
const zoneOf = (node: KubeObject | undefined) =>
  ZONE_LABELS.map(k => node?.metadata?.labels?.[k]).find(Boolean);

const NODE_KEYS = ['kubernetes.io/hostname'];
const SPREAD_KEYS = [
  'kubernetes.io/hostname',
  'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/zone',
];

const preferredSnippet = (app: string) => `spec:
  template:
    spec:
      affinity:
        podAntiAffinity:
          preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 100
              podAffinityTerm:
                topologyKey: kubernetes.io/hostname
                labelSelector:
                  matchLabels: {app: ${app}}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels: {app: ${app}}`;

const requiredSnippet = (app: string) => `spec:
  template:
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels: {app: ${app}}`;

/** `spread`: 2+ replicas with nothing keeping them on different nodes; live pods all on one node. */
export const spreadRule: PostureRule = {
  checks: [noSpread, mismatch, oneNode, oneZone],
  evaluate({ workload: w, service, index }) {
    if (w.replicas < 2 || w.kind === 'DaemonSet' || w.kind === 'Pod') return [];
    const labels = w.template.metadata.labels;
    const spec = w.template.spec;
    const nodes = liveNodes(w);
    if (w.pods.length >= 2 && nodes.length === 1) {
      return [
        findingFor(oneNode, w, {
          message: `All ${w.pods.length} live pods of ${label(w)} run on node ${
            nodes[0]
          }, whatever the affinity declares.`,
          evidence: `pods[*].spec.nodeName: ${nodes[0]}`,
          remediation: `Make the anti-affinity required (or add nodes) and reschedule:\n\n${requiredSnippet(
            labels.app ?? w.name,
          )}`,
          objects: w.pods.map(refOf),
          spof: `if node ${
            nodes[0]
          } fails, ${service} loses every replica of ${label(w)}`,
        }),
      ];
    }
    if (w.pods.length >= 2 && nodes.length >= 2) {
      const zones = [
        ...new Set(
          nodes.map(n => zoneOf(index.get('Node', '', n))).filter(Boolean),
        ),
      ];
      const clusterZones = new Set(
        index.list('Node').map(zoneOf).filter(Boolean),
      );
      if (zones.length === 1 && clusterZones.size >= 2) {
        return [
          findingFor(oneZone, w, {
            message: `The ${w.pods.length} live pods of ${label(w)} run on ${
              nodes.length
            } nodes, all in zone ${zones[0]}, although the cluster spans ${
              clusterZones.size
            } zones.`,
            evidence: `nodes ${nodes.join(', ')}: topology.kubernetes.io/zone=${
              zones[0]
            }`,
            remediation: `Spread over zones and reschedule:\n\n${preferredSnippet(
              labels.app ?? w.name,
            )}`,
            objects: w.pods.map(refOf),
            spof: `if zone ${
              zones[0]
            } fails, ${service} loses every replica of ${label(w)}`,
          }),
        ];
      }
    }
    const aa = spec.affinity?.podAntiAffinity ?? {};
    const terms: any[] = [
      ...(aa.requiredDuringSchedulingIgnoredDuringExecution ?? []),
      ...(aa.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(
        (p: any) => p?.podAffinityTerm,
      ),
    ].filter(
      t =>
        t &&
        (NODE_KEYS.includes(t.topologyKey) ||
          SPREAD_KEYS.includes(t.topologyKey)),
    );
    const tsc: any[] = (spec.topologySpreadConstraints ?? []).filter((t: any) =>
      SPREAD_KEYS.includes(t?.topologyKey),
    );
    const candidates = [...terms, ...tsc];
    const matches = (t: any) =>
      selectorMatches(t.labelSelector, labels) ||
      (Array.isArray(t.matchLabelKeys) &&
        t.matchLabelKeys.length > 0 &&
        !t.labelSelector);
    if (candidates.some(matches)) return [];
    if (candidates.length > 0) {
      return [
        findingFor(mismatch, w, {
          message: `${label(
            w,
          )} declares anti-affinity or spread constraints, but their selector does not match its own pod labels, so they spread nothing.`,
          evidence: `labelSelector ${JSON.stringify(
            candidates[0].labelSelector ?? {},
          )} vs pod labels ${JSON.stringify(labels)}`,
          remediation: `Select the workload's own pods in every term:\n\n${preferredSnippet(
            labels.app ?? w.name,
          )}`,
        }),
      ];
    }
    return [
      findingFor(noSpread, w, {
        message: `${label(w)} has ${
          w.replicas
        } replicas but no podAntiAffinity on kubernetes.io/hostname and no topologySpreadConstraints: they may all land on one node.`,
        evidence:
          'spec.template.spec.affinity.podAntiAffinity and topologySpreadConstraints: absent',
        remediation: `Spread replicas over nodes and zones:\n\n${preferredSnippet(
          labels.app ?? w.name,
        )}`,
      }),
    ];
  },
};
