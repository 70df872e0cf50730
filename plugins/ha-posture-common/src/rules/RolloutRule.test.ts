import { deployment, netpol, pdb, rulesOn } from '../testing/fixtures';

const W = 'Deployment/shop/web';

describe('rolloutRule', () => {
  it('fires on Recreate and on maxUnavailable covering every replica', () => {
    expect(
      rulesOn(W, [
        deployment('web', d => (d.spec.strategy = { type: 'Recreate' })),
        pdb(),
        netpol(),
      ]),
    ).toEqual(['rollout-recreate']);
    expect(
      rulesOn(W, [
        deployment(
          'web',
          d =>
            (d.spec.strategy = {
              type: 'RollingUpdate',
              rollingUpdate: { maxUnavailable: 3 },
            }),
        ),
        pdb(),
        netpol(),
      ]),
    ).toEqual(['rollout-max-unavailable']);
  });

  it('accepts 25% and ignores single replicas', () => {
    expect(
      rulesOn(W, [
        deployment(
          'web',
          d =>
            (d.spec.strategy = {
              type: 'RollingUpdate',
              rollingUpdate: { maxUnavailable: '25%' },
            }),
        ),
        pdb(),
        netpol(),
      ]),
    ).toEqual([]);
  });
});
