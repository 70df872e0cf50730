import { deployment, netpol, pdb, rulesOn, webPod } from '../testing/fixtures';

const W = 'Deployment/shop/web';
const rest = [pdb(), netpol()];

describe('spreadRule', () => {
  it('fires without anti-affinity or spread, and on a selector that misses its own pods', () => {
    expect(
      rulesOn(W, [
        deployment('web', d => delete d.spec.template.spec.affinity),
        ...rest,
      ]),
    ).toEqual(['spread-no-anti-affinity']);
    const mismatch = deployment('web', d => {
      d.spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchLabels.app =
        'other';
    });
    expect(rulesOn(W, [mismatch, ...rest])).toEqual([
      'spread-selector-mismatch',
    ]);
  });

  it('accepts a zone topology spread constraint', () => {
    const d = deployment('web', x => {
      delete x.spec.template.spec.affinity;
      x.spec.template.spec.topologySpreadConstraints = [
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: { matchLabels: { app: 'web' } },
        },
      ];
    });
    expect(rulesOn(W, [d, ...rest])).toEqual([]);
  });

  it('believes live pods over declarations: all on one node is critical', () => {
    const pods = [0, 1, 2].map(i => webPod(`web-${i}`, 'worker-1', true));
    expect(rulesOn(W, [deployment(), ...rest, ...pods])).toEqual([
      'spread-live-one-node',
    ]);
  });
});
