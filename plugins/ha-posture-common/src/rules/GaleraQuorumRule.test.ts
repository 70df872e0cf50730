import { deployment, netpol, pdb, rulesOn } from '../testing/fixtures';

const galera = (replicas: number) =>
  deployment('galera', d => {
    d.kind = 'StatefulSet';
    d.spec.replicas = replicas;
    d.spec.template.spec.containers[0].image = 'bitnami/mariadb-galera:11.4.4';
    d.spec.template.spec.containers[0].ports = [{ containerPort: 3306 }];
  });
const garbd = deployment('garbd', d => {
  d.spec.replicas = 1;
  d.spec.template.spec.containers[0].image = 'eni/galera-arbitrator:26.4';
});
const ref = 'StatefulSet/shop/galera';

describe('galeraQuorumRule', () => {
  it('fires below 3 nodes and on even counts', () => {
    expect(
      rulesOn(ref, [galera(2), pdb('galera'), netpol('galera')]),
    ).toContain('database-galera-quorum');
    expect(
      rulesOn(ref, [galera(4), pdb('galera'), netpol('galera')]),
    ).toContain('database-galera-quorum');
  });
  it('accepts 3 nodes, and 2 nodes with an arbitrator', () => {
    expect(rulesOn(ref, [galera(3), pdb('galera'), netpol('galera')])).toEqual(
      [],
    );
    expect(
      rulesOn(ref, [galera(2), garbd, pdb('galera'), netpol('galera')]),
    ).toEqual([]);
  });
});
