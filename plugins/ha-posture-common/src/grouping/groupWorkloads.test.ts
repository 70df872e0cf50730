import { ObjectIndex } from './ObjectIndex';
import { groupWorkloads } from './groupWorkloads';
import { deployment, netpol, pdb, service, webPod } from '../testing/fixtures';

describe('groupWorkloads', () => {
  it('folds ReplicaSets and their pods into the Deployment, and attaches what belongs to it', () => {
    const rs = {
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-abc',
        namespace: 'shop',
        labels: { app: 'web', 'pod-template-hash': 'abc' },
        ownerReferences: [{ kind: 'Deployment', name: 'web' }],
      },
      spec: { template: { metadata: { labels: { app: 'web' } }, spec: {} } },
    };
    const pod = webPod('web-abc-1', 'n1');
    const hpa = {
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web' },
        minReplicas: 4,
      },
    };
    const ing = {
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        defaultBackend: { service: { name: 'web', port: { number: 80 } } },
      },
    };
    const other = service('web', { app: 'web' }, 'elsewhere');
    const { workloads } = groupWorkloads(
      new ObjectIndex([
        deployment(),
        rs,
        pod,
        hpa,
        ing,
        service(),
        pdb(),
        netpol(),
        other,
      ]),
    );
    expect(workloads.map(w => w.kind)).toEqual(['Deployment']);
    const [w] = workloads;
    expect(w.replicas).toBe(4);
    expect(w.pods.map(p => p.metadata?.name)).toEqual(['web-abc-1']);
    expect([
      w.services.length,
      w.ingresses.length,
      w.pdbs.length,
      w.networkPolicies.length,
      w.replicaSets.length,
    ]).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('groupWorkloads at scale', () => {
  const objectsFor = (n: number) =>
    Array.from({ length: n }, (_, i) => [
      deployment(`w${i}`, d => {
        d.spec.template.spec.serviceAccountName = `w${i}`;
      }),
      service(`w${i}`),
      pdb(`w${i}`),
      netpol(`w${i}`),
      {
        kind: 'RoleBinding',
        metadata: { name: `w${i}`, namespace: 'shop' },
        subjects: [{ kind: 'ServiceAccount', name: `w${i}` }],
        roleRef: { kind: 'Role', name: 'r' },
      },
    ]).flat();
  const cpuSeconds = (n: number) => {
    const index = new ObjectIndex(objectsFor(n));
    const before = process.cpuUsage();
    const { workloads } = groupWorkloads(index);
    const used = process.cpuUsage(before);
    expect(workloads[n - 1].services).toHaveLength(1);
    expect(workloads[n - 1].roles).toHaveLength(1);
    return (used.user + used.system) / 1e6;
  };

  it('stays linear with thousands of workloads in one namespace', () => {
    cpuSeconds(500); // warm-up
    const small = cpuSeconds(1000);
    const large = cpuSeconds(8000);
    // 8 times the workloads: about 8 times the work, not 64 (1.5 s and more before).
    expect(large).toBeLessThan(Math.max(small * 20, 0.6));
  });
});
