import { msg } from '../messages/format';
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
          message: msg('spread-live-one-node.message', {
            pods: w.pods.length,
            workload: label(w),
            node: nodes[0],
          }),
          evidence: `pods[*].spec.nodeName: ${nodes[0]}`,
          remediation: msg('spread-live-one-node.remediation', {
            snippet: requiredSnippet(labels.app ?? w.name),
          }),
          objects: w.pods.map(refOf),
          spof: msg('spread-live-one-node.spof', {
            node: nodes[0],
            service,
            workload: label(w),
          }),
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
            message: msg('spread-live-one-zone.message', {
              pods: w.pods.length,
              workload: label(w),
              nodes: nodes.length,
              zone: `${zones[0]}`,
              zones: clusterZones.size,
            }),
            evidence: msg('evidence.zoneOfNodes', {
              nodes: nodes.join(', '),
              zone: `${zones[0]}`,
            }),
            remediation: msg('spread-live-one-zone.remediation', {
              snippet: preferredSnippet(labels.app ?? w.name),
            }),
            objects: w.pods.map(refOf),
            spof: msg('spread-live-one-zone.spof', {
              zone: `${zones[0]}`,
              service,
              workload: label(w),
            }),
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
          message: msg('spread-selector-mismatch.message', {
            workload: label(w),
          }),
          evidence: msg('evidence.selectorVsLabels', {
            selector: `labelSelector ${JSON.stringify(
              candidates[0].labelSelector ?? {},
            )}`,
            labels: JSON.stringify(labels),
          }),
          remediation: msg('spread-selector-mismatch.remediation', {
            snippet: preferredSnippet(labels.app ?? w.name),
          }),
        }),
      ];
    }
    return [
      findingFor(noSpread, w, {
        message: msg('spread-no-anti-affinity.message', {
          workload: label(w),
          replicas: w.replicas,
        }),
        evidence: msg('evidence.noSpread'),
        remediation: msg('spread-no-anti-affinity.remediation', {
          snippet: preferredSnippet(labels.app ?? w.name),
        }),
      }),
    ];
  },
};
