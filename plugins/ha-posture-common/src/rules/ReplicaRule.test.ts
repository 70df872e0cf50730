import { deployment, netpol, pdb, rulesOn, webPod } from '../testing/fixtures';

const W = 'Deployment/shop/web';

describe('replicaRule', () => {
  it('fires on 1 replica, on unset replicas and on an HPA floor of 1', () => {
    expect(
      rulesOn(W, [deployment('web', d => (d.spec.replicas = 1))]),
    ).toContain('replicas-single');
    expect(
      rulesOn(W, [deployment('web', d => delete d.spec.replicas)]),
    ).toContain('replicas-single');
    const hpa = {
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web' },
        minReplicas: 1,
      },
    };
    expect(rulesOn(W, [deployment(), hpa])).toContain('replicas-hpa-min');
  });

  it('stays quiet on 3 replicas and on DaemonSets', () => {
    expect(rulesOn(W, [deployment(), pdb(), netpol()])).toEqual([]);
    const ds = deployment('agent', d => {
      d.kind = 'DaemonSet';
      delete d.spec.replicas;
    });
    expect(
      rulesOn('DaemonSet/shop/agent', [ds]).filter(r =>
        r.startsWith('replicas'),
      ),
    ).toEqual([]);
  });

  it('fires on bare pods and when live pods are not ready', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'shop' },
      spec: { containers: [{ name: 'c', image: 'x:1' }] },
    };
    expect(rulesOn('Pod/shop/p', [pod])).toContain('replicas-bare-pod');
    const live = [0, 1, 2].map(i => webPod(`web-${i}`, `n${i}`, i === 0));
    expect(rulesOn(W, [deployment(), pdb(), netpol(), ...live])).toEqual([
      'replicas-live-unready',
    ]);
  });
});
