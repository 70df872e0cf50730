import { buildFailureDomains } from './failureDomains';

const pod = (name: string, node?: string, zone?: string) => ({
  name,
  node,
  zone,
  ready: true,
});

describe('buildFailureDomains', () => {
  it('finds a node that holds every replica of a workload', () => {
    const view = buildFailureDomains([
      {
        kind: 'Deployment',
        namespace: 'todo',
        name: 'web',
        replicas: 3,
        pods: [
          pod('web-1', 'worker-1', 'a'),
          pod('web-2', 'worker-1', 'a'),
          pod('web-3', 'worker-1', 'a'),
        ],
      },
      {
        kind: 'Deployment',
        namespace: 'todo',
        name: 'api',
        replicas: 2,
        pods: [pod('api-1', 'worker-1', 'a'), pod('api-2', 'worker-2', 'b')],
      },
    ]);
    expect(view.spofs).toEqual([
      { type: 'node', workload: 'web', node: 'worker-1', count: 3 },
    ]);
    const worker1 = view.clusters[0].zones[0].nodes[0];
    expect(worker1.name).toBe('worker-1');
    expect(worker1.spofs).toHaveLength(1);
    expect(worker1.pods.map(p => [p.name, p.atRisk])).toEqual([
      ['web-1', true],
      ['web-2', true],
      ['web-3', true],
      ['api-1', false],
    ]);
  });

  it('finds a zone that holds every replica spread over its nodes', () => {
    const view = buildFailureDomains([
      {
        kind: 'StatefulSet',
        namespace: 'db',
        name: 'galera',
        replicas: 3,
        pods: [
          pod('galera-0', 'n1', 'a'),
          pod('galera-1', 'n2', 'a'),
          pod('galera-2', 'n3', 'a'),
        ],
      },
      {
        kind: 'Deployment',
        namespace: 'db',
        name: 'other',
        replicas: 1,
        pods: [pod('other-1', 'n4', 'b'), pod('other-2', 'n5', 'b')],
      },
    ]);
    expect(view.spofs).toContainEqual({
      type: 'zone',
      workload: 'galera',
      zone: 'a',
      count: 3,
    });
  });

  it('does not flag a DaemonSet or a workload spread over nodes without zones', () => {
    const view = buildFailureDomains([
      {
        kind: 'DaemonSet',
        namespace: 'x',
        name: 'agent',
        replicas: 1,
        pods: [pod('agent-1', 'n1')],
      },
      {
        kind: 'Deployment',
        namespace: 'x',
        name: 'web',
        replicas: 2,
        pods: [pod('web-1', 'n1'), pod('web-2', 'n2'), pod('web-3')],
      },
    ]);
    expect(view.spofs).toEqual([]);
    expect(view.clusters[0].unscheduled.map(p => p.name)).toEqual(['web-3']);
    expect(view.clusters[0].zones[0].name).toBeUndefined();
  });
});
