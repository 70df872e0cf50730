import { evaluatePosture } from '../evaluate';
import { deployment, netpol, pdb, rulesOn, service } from '../testing/fixtures';

const ingress = (...backends: string[]) => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    rules: [
      {
        http: {
          paths: backends.map(b => ({
            path: `/${b}`,
            pathType: 'Prefix',
            backend: { service: { name: b, port: { number: 80 } } },
          })),
        },
      },
    ],
  },
});

/** The rules on web, served and guarded, with an Ingress routing to `backends`. */
const routedTo = (...backends: string[]) =>
  rulesOn('Deployment/shop/web', [
    deployment(),
    service(),
    pdb(),
    netpol(),
    ingress(...backends),
  ]);

describe('ingressBackendRule', () => {
  it('attaches a broken backend to the workloads the Ingress also routes to', () => {
    expect(routedTo('web', 'gone')).toEqual(['ingress-backend-broken']);
    expect(routedTo('web')).toEqual([]);
  });

  it('reports an Ingress to nothing, and a Service selecting nothing, at object level', () => {
    const report = evaluatePosture({
      objects: [service('web', { app: 'typo' }), ingress('web')],
    });
    expect(
      report.workloads.map(w => [w.kind, w.findings.map(f => f.rule)]),
    ).toEqual([
      ['Ingress', ['ingress-backend-broken']],
      ['Service', ['ingress-service-selects-nothing']],
    ]);
  });
});
