import { evaluatePosture } from '../evaluate';

const node = (name: string, cp: boolean) => ({
  kind: 'Node',
  metadata: {
    name,
    labels: {
      ...(cp ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
      'topology.kubernetes.io/zone': 'z1',
    },
  },
});
const staticPod = (component: string, n: string) => ({
  kind: 'Pod',
  metadata: {
    name: `${component}-${n}`,
    namespace: 'kube-system',
    labels: { component },
    ownerReferences: [{ kind: 'Node', name: n }],
  },
  spec: {
    nodeName: n,
    containers: [{ name: component, image: `${component}:1` }],
  },
});
const controller = (replicas: number) => ({
  kind: 'Deployment',
  metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-nginx' },
  spec: {
    replicas,
    selector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
    template: {
      metadata: { labels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
      spec: {
        containers: [
          { name: 'controller', image: 'ingress-nginx/controller:v1.11.3' },
        ],
      },
    },
  },
});

describe('evaluateCluster', () => {
  it('reports a single API server, a single etcd and a single ingress controller', () => {
    const r = evaluatePosture({
      objects: [
        node('cp', true),
        node('w1', false),
        staticPod('kube-apiserver', 'cp'),
        staticPod('etcd', 'cp'),
        controller(1),
      ],
    });
    expect(r.cluster.findings.map(f => f.rule)).toEqual([
      'control-plane-api-servers',
      'control-plane-etcd-members',
      'control-plane-ingress-controller',
    ]);
    expect(r.cluster.facts).toMatchObject({
      nodes: 2,
      nodesPerZone: { z1: 2 },
      apiServers: 1,
      etcdMembers: 1,
    });
    expect(
      r.workloads.every(w =>
        w.findings.every(f => f.category !== 'control-plane'),
      ),
    ).toBe(true);
  });

  it('is quiet on an HA control plane and when manifests say nothing of the cluster', () => {
    const cps = ['a', 'b', 'c'];
    const r = evaluatePosture({
      objects: [
        ...cps.map(n => node(n, true)),
        ...cps.map(n => staticPod('kube-apiserver', n)),
        ...cps.map(n => staticPod('etcd', n)),
        controller(2),
      ],
    });
    expect(r.cluster.findings).toEqual([]);
    expect(evaluatePosture({ objects: [] }).cluster.findings).toEqual([]);
  });
});
