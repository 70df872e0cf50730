import { deployment, netpol, pdb, rulesOn, service } from '../testing/fixtures';

const W = 'Deployment/shop/web';

describe('probeRule', () => {
  it('fires on a serving container without readinessProbe', () => {
    expect(
      rulesOn(W, [
        deployment(
          'web',
          d => delete d.spec.template.spec.containers[0].readinessProbe,
        ),
        pdb(),
        netpol(),
      ]),
    ).toEqual(['probes-no-readiness']);
  });

  it('counts a container a Service targets even when it declares no port, not a port-less sidecar', () => {
    const d = deployment('web', x => {
      const c = x.spec.template.spec.containers[0];
      delete c.ports;
      delete c.readinessProbe;
    });
    expect(rulesOn(W, [d, pdb(), netpol()])).toEqual([]);
    expect(rulesOn(W, [d, pdb(), netpol(), service()])).toEqual([
      'probes-no-readiness',
    ]);
  });
});
