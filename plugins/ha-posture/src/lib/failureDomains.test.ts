import { buildFailureDomains } from './failureDomains';

const pod = (name: string, node?: string, zone?: string) => ({
  name,
  node,
  zone,
  ready: true,
});

const workload = (
  kind: string,
  namespace: string,
  name: string,
  replicas: number,
  pods: ReturnType<typeof pod>[],
) => ({ kind, namespace, name, replicas, pods });

describe('buildFailureDomains', () => {
  it('finds a node that holds every replica of a workload', () => {
    const view = buildFailureDomains([
      workload('Deployment', 'todo', 'web', 3, [
        pod('web-1', 'worker-1', 'a'),
        pod('web-2', 'worker-1', 'a'),
        pod('web-3', 'worker-1', 'a'),
      ]),
      workload('Deployment', 'todo', 'api', 2, [
        pod('api-1', 'worker-1', 'a'),
        pod('api-2', 'worker-2', 'b'),
      ]),
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
      workload('StatefulSet', 'db', 'galera', 3, [
        pod('galera-0', 'n1', 'a'),
        pod('galera-1', 'n2', 'a'),
        pod('galera-2', 'n3', 'a'),
      ]),
      workload('Deployment', 'db', 'other', 1, [
        pod('other-1', 'n4', 'b'),
        pod('other-2', 'n5', 'b'),
      ]),
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
      workload('DaemonSet', 'x', 'agent', 1, [pod('agent-1', 'n1')]),
      workload('Deployment', 'x', 'web', 2, [
        pod('web-1', 'n1'),
        pod('web-2', 'n2'),
        pod('web-3'),
      ]),
    ]);
    expect(view.spofs).toEqual([]);
    expect(view.clusters[0].unscheduled.map(p => p.name)).toEqual(['web-3']);
    expect(view.clusters[0].zones[0].name).toBeUndefined();
  });
});
