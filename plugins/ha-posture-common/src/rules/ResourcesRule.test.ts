import { deployment, netpol, pdb, rulesOn } from '../testing/fixtures';

describe('resourcesRule', () => {
  const with_ = (resources: unknown) =>
    rulesOn('Deployment/shop/web', [
      deployment(
        'web',
        d => (d.spec.template.spec.containers[0].resources = resources),
      ),
      pdb(),
      netpol(),
    ]);
  it('fires when CPU or memory has no request', () => {
    expect(with_({})).toEqual(['resources-no-requests']);
    expect(with_({ requests: { memory: '1Gi' } })).toEqual([
      'resources-no-requests',
    ]);
  });
  it('accepts limits alone (requests default to them)', () => {
    expect(with_({ limits: { cpu: '1', memory: '1Gi' } })).toEqual([]);
  });
});
