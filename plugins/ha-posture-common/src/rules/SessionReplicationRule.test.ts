import { deployment, netpol, pdb, rulesOn } from '../testing/fixtures';
import { podReader, serverXml, tomcat } from '../testing/tomcat';

const W = 'Deployment/shop/app';
const rest = [
  pdb('app'),
  netpol('app', 'shop', [
    { ports: [{ port: 8080 }] },
    {
      from: [{ podSelector: { matchLabels: { app: 'app' } } }],
      ports: [{ port: 4000 }],
    },
  ]),
  ...podReader(),
];
const sessions = (
  objs: any[],
  files?: Array<{ path: string; content: string }>,
) =>
  rulesOn(W, [...objs, ...rest], files).filter(r => r.startsWith('sessions'));

describe('sessionReplicationRule', () => {
  it('fires when server.xml has no <Cluster> outside comments, or none is mounted', () => {
    expect(sessions(tomcat({ 'server.xml': serverXml('none') }))).toEqual([
      'sessions-not-replicated',
    ]);
    expect(sessions(tomcat({}))).toEqual(['sessions-not-replicated']);
  });

  it('lets a context.xml Manager override the cluster, and accepts a shared JDBC store', () => {
    expect(
      sessions(
        tomcat({
          'server.xml': serverXml('kubernetes'),
          'context.xml': '<Context><Manager pathname=""/></Context>',
        }),
      ),
    ).toEqual(['sessions-manager-override']);
    expect(
      sessions(
        tomcat({
          'server.xml': serverXml('kubernetes'),
          'context.xml': '<Context><!-- <Manager pathname=""/> --></Context>',
        }),
      ),
    ).toEqual([]);
    const jdbc =
      '<Context><Manager className="org.apache.catalina.session.PersistentManager"><Store className="org.apache.catalina.session.JDBCStore"/></Manager></Context>';
    expect(
      sessions(
        tomcat({ 'server.xml': serverXml('none'), 'context.xml': jdbc }),
      ),
    ).toEqual([]);
  });

  it('reads web.xml next to the manifests for <distributable/>', () => {
    const objs = tomcat({ 'server.xml': serverXml('kubernetes') });
    expect(
      sessions(objs, [{ path: 'app/web.xml', content: '<web-app></web-app>' }]),
    ).toEqual(['sessions-not-distributable']);
    expect(
      sessions(objs, [
        { path: 'app/web.xml', content: '<web-app><distributable/></web-app>' },
      ]),
    ).toEqual([]);
  });

  it('notes multicast membership as info', () => {
    expect(sessions(tomcat({ 'server.xml': serverXml('multicast') }))).toEqual([
      'sessions-multicast-membership',
    ]);
  });

  it('ignores workloads that do not run Tomcat', () => {
    expect(rulesOn('Deployment/shop/web', [deployment(), ...rest])).toEqual([
      'disruption-no-pdb',
      'network-no-policy',
    ]);
  });
});
