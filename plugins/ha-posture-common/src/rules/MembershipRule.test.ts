import { netpol, pdb, rulesOn } from '../testing/fixtures';
import { podReader, serverXml, tomcat } from '../testing/tomcat';

const W = 'Deployment/shop/app';
const open = netpol('app', 'shop', [
  { ports: [{ port: 8080 }] },
  {
    from: [{ podSelector: { matchLabels: { app: 'app' } } }],
    ports: [{ port: 4000 }],
  },
]);
const k8s = { 'server.xml': serverXml('kubernetes') };
const sessions = (objs: any[]) =>
  rulesOn(W, [...objs, pdb('app')]).filter(r => r.startsWith('sessions'));

describe('membershipRule', () => {
  it('stays quiet when every prerequisite is met', () => {
    expect(sessions([...tomcat(k8s), ...podReader(), open])).toEqual([]);
  });

  it('fires without RBAC to list pods', () => {
    expect(sessions([...tomcat(k8s), open])).toEqual([
      'sessions-membership-rbac',
    ]);
    expect(sessions([...tomcat(k8s), ...podReader(['get']), open])).toEqual([
      'sessions-membership-rbac',
    ]);
  });

  it('fires without the namespace injected', () => {
    expect(
      sessions([
        ...tomcat(k8s, d => (d.spec.template.spec.containers[0].env = [])),
        ...podReader(),
        open,
      ]),
    ).toEqual(['sessions-membership-namespace']);
  });

  it('fires on a label selector that misses its own pods', () => {
    const objs = tomcat(k8s, d =>
      d.spec.template.spec.containers[0].env.push({
        name: 'KUBERNETES_LABELS',
        value: 'app=other',
      }),
    );
    expect(sessions([...objs, ...podReader(), open])).toEqual([
      'sessions-membership-labels',
    ]);
  });

  it('fires when a NetworkPolicy blocks the receiver port between the pods', () => {
    expect(sessions([...tomcat(k8s), ...podReader(), netpol('app')])).toEqual([
      'sessions-receiver-blocked',
    ]);
    expect(
      sessions([
        ...tomcat({ 'server.xml': serverXml('kubernetes', 4100) }),
        ...podReader(),
        open,
      ]),
    ).toEqual(['sessions-receiver-blocked']);
  });
});
