import { deployment, netpol, pdb, rulesOn } from '../testing/fixtures';

const W = 'Deployment/shop/web';
/** The rules on web rolled out with `strategy`. */
const withStrategy = (strategy: object) =>
  rulesOn(W, [
    deployment('web', d => (d.spec.strategy = strategy)),
    pdb(),
    netpol(),
  ]);

describe('rolloutRule', () => {
  it('fires on Recreate and on maxUnavailable covering every replica', () => {
    expect(withStrategy({ type: 'Recreate' })).toEqual(['rollout-recreate']);
    expect(
      withStrategy({
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: 3 },
      }),
    ).toEqual(['rollout-max-unavailable']);
  });

  it('accepts 25% and ignores single replicas', () => {
    expect(
      withStrategy({
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%' },
      }),
    ).toEqual([]);
  });
});
