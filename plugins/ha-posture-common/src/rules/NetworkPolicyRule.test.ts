import { deployment, netpol, pdb, rulesOn } from '../testing/fixtures';

describe('networkPolicyRule', () => {
  it('reports info when no policy selects the pods, and stays quiet with one', () => {
    expect(rulesOn('Deployment/shop/web', [deployment(), pdb()])).toEqual([
      'network-no-policy',
    ]);
    expect(
      rulesOn('Deployment/shop/web', [deployment(), pdb(), netpol()]),
    ).toEqual([]);
  });
});
