import { evaluatePosture } from '../evaluate';
import { ObjectIndex } from '../grouping/ObjectIndex';
import { grade } from '../score/grade';
import { incompleteFindings } from './controlPlane';
import { controlPlaneFacts } from './controlPlaneFacts';

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

const zonedNode = (name: string, zone: string) => ({
  kind: 'Node',
  metadata: {
    name,
    labels: {
      'node-role.kubernetes.io/control-plane': '',
      'topology.kubernetes.io/zone': zone,
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
        ...cps.map(n => zonedNode(n, `zone-${n}`)),
        ...cps.map(n => staticPod('kube-apiserver', n)),
        ...cps.map(n => staticPod('etcd', n)),
        controller(2),
      ],
    });
    expect(r.cluster.findings).toEqual([]);
    expect(evaluatePosture({ objects: [] }).cluster.findings).toEqual([]);
  });
});

const NOW = Date.parse('2026-12-06T01:00:00Z');
const identityLease = (host: string, renewedAgoS = 5) => ({
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: {
    name: `apiserver-${host}`,
    namespace: 'kube-system',
    labels: { 'apiserver.kubernetes.io/identity': 'kube-apiserver' },
  },
  spec: {
    holderIdentity: `apiserver-${host}`,
    leaseDurationSeconds: 3600,
    renewTime: new Date(NOW - renewedAgoS * 1000).toISOString(),
  },
});
const leaderLease = (name: string, holder: string) => ({
  kind: 'Lease',
  metadata: { name, namespace: 'kube-system' },
  spec: { holderIdentity: holder, leaseDurationSeconds: 15 },
});
const etcdPod = (n: string, ready: boolean) => ({
  ...staticPod('etcd', n),
  status: {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
  },
});
const index = (objects: any[]) => new ObjectIndex(objects);

describe('controlPlaneFacts', () => {
  it('counts API servers from their identity leases (up: renewed in the last 45 s; an hour-old one is gone), before any other source', () => {
    const cp = controlPlaneFacts(
      index([
        identityLease('a'),
        identityLease('b'),
        identityLease('down', 60),
        identityLease('gone', 3 * 3600),
        staticPod('kube-apiserver', 'a'),
      ]),
      NOW,
    );
    expect(cp.apiServers).toEqual({
      count: 3,
      alive: 2,
      source: 'identity-leases',
      objects: [
        'Lease/kube-system/apiserver-a',
        'Lease/kube-system/apiserver-b',
        'Lease/kube-system/apiserver-down',
      ],
    });
  });

  it('falls back to the default/kubernetes EndpointSlice, then the API server pods', () => {
    const slice = {
      kind: 'EndpointSlice',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { 'kubernetes.io/service-name': 'kubernetes' },
      },
      endpoints: [{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2'] }],
    };
    expect(controlPlaneFacts(index([slice]), NOW).apiServers).toMatchObject({
      count: 2,
      source: 'endpoint-slice',
    });
    expect(
      controlPlaneFacts(index([staticPod('kube-apiserver', 'a')]), NOW)
        .apiServers,
    ).toMatchObject({ count: 1, source: 'static-pods' });
  });

  it('reads external etcd members from the --etcd-servers flag, not from loopback URLs', () => {
    const withFlag = (urls: string) => {
      const pod: any = staticPod('kube-apiserver', 'a');
      pod.spec.containers[0].command = [
        'kube-apiserver',
        `--etcd-servers=${urls}`,
      ];
      return pod;
    };
    expect(
      controlPlaneFacts(
        index([
          withFlag(
            'https://10.0.0.5:2379,https://10.0.0.6:2379,https://10.0.0.7:2379',
          ),
        ]),
        NOW,
      ).etcdMembers,
    ).toMatchObject({ count: 3, source: 'etcd-servers-flag' });
    const stacked = controlPlaneFacts(
      index([withFlag('https://127.0.0.1:2379')]),
      NOW,
    );
    expect(stacked.etcdMembers.count).toBeUndefined();
    expect(stacked.unknown).toEqual(['etcdMembers']);
  });

  it('names the controller-manager and scheduler leaders from their leases', () => {
    const cp = controlPlaneFacts(
      index([
        leaderLease('kube-controller-manager', 'master-1_abc'),
        leaderLease('kube-scheduler', 'master-0_def'),
      ]),
      NOW,
    );
    expect(cp.controllerManagers).toMatchObject({
      leader: 'master-1_abc',
      source: 'leader-lease',
    });
    expect(cp.schedulers.leader).toBe('master-0_def');
  });

  it('reads objects of any shape (from manifests) without throwing, as unknown', () => {
    const odd: any[] = [
      {
        kind: 'EndpointSlice',
        metadata: { name: 'kubernetes', namespace: 'default' },
        endpoints: 'x',
      },
      {
        kind: 'Endpoints',
        metadata: { name: 'kubernetes', namespace: 'default' },
        subsets: { addresses: 1 },
      },
      {
        kind: 'Lease',
        metadata: { name: 'kube-scheduler', namespace: 'kube-system' },
        spec: { holderIdentity: { a: 1 } },
      },
      {
        kind: 'Pod',
        metadata: {
          name: 'etcd',
          namespace: 'kube-system',
          labels: { component: 'kube-apiserver' },
        },
        spec: { containers: { command: '--etcd-servers' } },
        status: { conditions: 'Ready' },
      },
      {
        kind: 'Pod',
        metadata: {
          name: 'api',
          namespace: 'kube-system',
          labels: { component: 'kube-apiserver' },
        },
        spec: { containers: [{ command: ['--etcd-servers', 42] }] },
      },
    ];
    const cp = controlPlaneFacts(index(odd), NOW);
    expect(cp.apiServers).toMatchObject({ count: 2, source: 'static-pods' });
    expect(cp.schedulers.leader).toBeUndefined();
    expect(cp.unknown).toEqual(['etcdMembers']);
  });

  it('says which facts the cluster does not expose', () => {
    const cp = controlPlaneFacts(index([node('w1', false)]), NOW);
    expect(cp.unknown).toEqual(['apiServers', 'etcdMembers']);
    expect(cp.apiServers.count).toBeUndefined();
  });
});

describe('control-plane grading', () => {
  const gradeOfCluster = (objects: any[]) => {
    const r = evaluatePosture({ objects });
    const findings = [
      ...r.cluster.findings,
      ...incompleteFindings(r.cluster.facts),
    ];
    return { findings, grade: grade(findings).grade };
  };

  it('never grades an unknown control plane A', () => {
    const { findings, grade: g } = gradeOfCluster([node('w1', false)]);
    expect(findings.map(f => f.rule)).toEqual([
      'control-plane-unknown',
      'control-plane-unknown',
    ]);
    expect(g).not.toBe('A');
  });

  it('warns that 2 of 3 etcd members tolerate no further failure, and is critical below quorum', () => {
    const cps = ['a', 'b', 'c'];
    const base = [
      ...cps.map(n => zonedNode(n, `zone-${n}`)),
      ...cps.map(n => staticPod('kube-apiserver', n)),
    ];
    const healthy = gradeOfCluster([
      ...base,
      ...cps.map(n => etcdPod(n, true)),
    ]);
    expect(healthy.findings).toEqual([]);
    expect(healthy.grade).toBe('A');
    const oneDown = gradeOfCluster([
      ...base,
      etcdPod('a', true),
      etcdPod('b', true),
      etcdPod('c', false),
    ]);
    expect(oneDown.findings).toMatchObject([
      {
        rule: 'control-plane-etcd-quorum',
        severity: 'warning',
        message:
          'etcd has 2 of 3 members up: it keeps quorum, but no further member failure is tolerated.',
      },
    ]);
    const twoDown = gradeOfCluster([
      ...base,
      etcdPod('a', true),
      etcdPod('b', false),
      etcdPod('c', false),
    ]);
    expect(twoDown.findings.map(f => [f.rule, f.severity])).toEqual([
      ['control-plane-etcd-quorum', 'critical'],
    ]);
  });

  it('finds every control-plane node in one zone', () => {
    const cps = ['a', 'b', 'c'];
    const { findings } = gradeOfCluster([
      ...cps.map(n => zonedNode(n, 'zone-1')),
      ...cps.map(n => staticPod('kube-apiserver', n)),
      ...cps.map(n => etcdPod(n, true)),
    ]);
    expect(findings.map(f => f.rule)).toEqual(['control-plane-zones']);
    expect(findings[0].message).toContain('zone-1');
  });
});
