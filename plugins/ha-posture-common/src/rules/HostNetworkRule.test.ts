import { deployment, netpol, pdb, rulesOn, service } from '../testing/fixtures';

describe('hostNetworkRule', () => {
  it('fires on hostPort and hostNetwork', () => {
    expect(
      rulesOn('Deployment/shop/web', [
        deployment(
          'web',
          d => (d.spec.template.spec.containers[0].ports[0].hostPort = 80),
        ),
        pdb(),
        netpol(),
      ]),
    ).toEqual(['ingress-host-port']);
    expect(
      rulesOn('Deployment/shop/web', [
        deployment('web', d => (d.spec.template.spec.hostNetwork = true)),
        pdb(),
        netpol(),
      ]),
    ).toEqual(['ingress-host-port']);
  });

  it('fires on a NodePort in front of pods pinned to one node, not on a plain NodePort', () => {
    const nodePort = {
      ...service(),
      spec: { ...service().spec, type: 'NodePort' },
    };
    const pinned = deployment(
      'web',
      d =>
        (d.spec.template.spec.nodeSelector = {
          'kubernetes.io/hostname': 'edge-1',
        }),
    );
    expect(
      rulesOn('Deployment/shop/web', [pinned, nodePort, pdb(), netpol()]),
    ).toEqual(['ingress-node-pinned']);
    expect(
      rulesOn('Deployment/shop/web', [deployment(), nodePort, pdb(), netpol()]),
    ).toEqual([]);
  });
});
