import { deployment, netpol, pdb, rulesOn } from '../testing/fixtures';

const W = 'Deployment/shop/web';

describe('disruptionRule', () => {
  it('fires without a PDB, on drain deadlocks and on PDBs that protect nothing', () => {
    expect(rulesOn(W, [deployment(), netpol()])).toEqual(['disruption-no-pdb']);
    expect(
      rulesOn(W, [
        deployment(),
        netpol(),
        pdb('web', { minAvailable: '100%' }),
      ]),
    ).toEqual(['disruption-pdb-blocks-drain']);
    expect(
      rulesOn(W, [deployment(), netpol(), pdb('web', { maxUnavailable: 0 })]),
    ).toEqual(['disruption-pdb-blocks-drain']);
    expect(
      rulesOn(W, [deployment(), netpol(), pdb('web', { maxUnavailable: 3 })]),
    ).toEqual(['disruption-pdb-protects-nothing']);
  });

  it('accepts minAvailable below the replica count and skips single replicas', () => {
    expect(
      rulesOn(W, [deployment(), netpol(), pdb('web', { minAvailable: 2 })]),
    ).toEqual([]);
    expect(
      rulesOn(W, [deployment('web', d => (d.spec.replicas = 1)), netpol()]),
    ).toEqual(['replicas-single']);
  });
});
