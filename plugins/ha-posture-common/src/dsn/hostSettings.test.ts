import { deployment, findingsOn, rulesOn } from '../testing/fixtures';
import { parseHostValue } from './hostSettings';

const W = 'Deployment/shop/web';
const web = (env: any[], envFrom?: any[]) =>
  deployment('web', d => {
    d.spec.template.spec.containers[0].env = env;
    if (envFrom) d.spec.template.spec.containers[0].envFrom = envFrom;
  });
const mysql = (ns = 'shop', replicas = 1) => [
  deployment(
    'mysql',
    d => {
      d.kind = 'StatefulSet';
      d.spec.replicas = replicas;
      d.spec.template.spec.containers[0].image = 'mysql:8.4.3';
      d.spec.template.spec.containers[0].ports = [{ containerPort: 3306 }];
    },
    ns,
  ),
  {
    kind: 'Service',
    metadata: { name: 'mysql', namespace: ns },
    spec: { selector: { app: 'mysql' }, ports: [{ port: 3306 }] },
  },
];
const dbRules = (objects: any[]) =>
  rulesOn(W, objects).filter(r => r.startsWith('database-'));

describe('database host settings', () => {
  it('reads host, host:port, tcp:// and comma lists; refuses what is no host', () => {
    expect(parseHostValue('mysql', 3306)).toEqual([
      { host: 'mysql', port: 3306 },
    ]);
    expect(parseHostValue('tcp://DB.shop.svc:3307')).toEqual([
      { host: 'db.shop.svc', port: 3307 },
    ]);
    expect(parseHostValue('a:5432,b:5432')?.length).toBe(2);
    expect(parseHostValue('[::1]:5432')).toEqual([{ host: '::1', port: 5432 }]);
    expect(parseHostValue('jdbc:mysql://x/db')).toBeUndefined();
    expect(parseHostValue('')).toBeUndefined();
    expect(parseHostValue('x'.repeat(2000))).toBeUndefined();
  });

  it.each([
    ['WORDPRESS_DB_HOST', 'mysql:3306'],
    ['DB_HOST', 'mysql.shop'],
    ['DATABASE_HOST', 'mysql.shop.svc'],
    ['MYSQL_HOST', 'mysql.shop.svc.cluster.local'],
    ['POSTGRES_HOST', 'mysql.shop.svc.corp.internal'],
    ['PGHOST', 'mysql'],
    ['database__connection__host', 'mysql'],
    ['KC_DB_URL_HOST', 'mysql'],
    ['DB_ADDR', 'mysql'],
  ])('follows %s=%s to the 1-replica database', (name, value) => {
    expect(dbRules([web([{ name, value }]), ...mysql()])).toEqual([
      'database-single-replica',
    ]);
  });

  it('ignores what Kubernetes injects (MYSQL_SERVICE_HOST) and variables of other stores', () => {
    expect(
      dbRules([
        web([
          { name: 'MYSQL_SERVICE_HOST', value: '10.0.0.12' },
          { name: 'REDIS_HOST', value: 'mysql' },
          { name: 'REDIS_DB_HOST', value: 'mysql' },
          { name: 'MONGO_DB_HOST', value: 'mysql' },
        ]),
        ...mysql(),
      ]),
    ).toEqual([]);
  });

  it('expands $(VAR) from the container env; what stays unresolved is an unknown, not a verdict', () => {
    const env = (v: string) => [
      { name: 'DB_SVC', value: 'mysql' },
      { name: 'DB_HOST', value: v },
    ];
    expect(dbRules([web(env('$(DB_SVC).shop:3306')), ...mysql()])).toEqual([
      'database-single-replica',
    ]);
    expect(dbRules([web(env('$(UNKNOWN):3306')), ...mysql()])).toEqual([
      'database-unseen',
    ]);
  });

  it('expands $(VAR) inside a DSN too; a placeholder host is unknown, never a host named "$(db_host)"', () => {
    const url = (u: string, env: any[] = []) =>
      web([...env, { name: 'SPRING_DATASOURCE_URL', value: u }]);
    expect(
      dbRules([
        url('jdbc:mysql://$(DB_SVC):3306/app', [
          { name: 'DB_SVC', value: 'mysql' },
        ]),
        ...mysql(),
      ]),
    ).toEqual(['database-single-replica']);
    for (const u of [
      'jdbc:mysql://$(NOT_SET):3306/app',
      'jdbc:mysql://${DB_HOST:localhost}:3306/app',
    ]) {
      const f = findingsOn(W, [url(u), ...mysql()]).filter(
        x => x.category === 'database',
      );
      expect(f.map(x => x.rule)).toEqual(['database-unseen']);
    }
  });

  it('follows envFrom with a prefix, and a ConfigMap key in another namespace', () => {
    const cm = {
      kind: 'ConfigMap',
      metadata: { name: 'env', namespace: 'shop' },
      data: { HOST: 'mysql.data' },
    };
    expect(
      dbRules([
        web([], [{ prefix: 'DB_', configMapRef: { name: 'env' } }]),
        cm,
        ...mysql('data'),
      ]),
    ).toEqual(['database-single-replica']);
  });

  it('reports one finding when a DSN and a host variable name the same database', () => {
    const f = findingsOn(W, [
      web([
        { name: 'DB_HOST', value: 'mysql' },
        { name: 'DB_URL', value: 'jdbc:mysql://mysql:3306/app' },
      ]),
      ...mysql(),
    ]).filter(x => x.category === 'database');
    expect(f.map(x => x.rule)).toEqual(['database-single-replica']);
  });

  it('a 3-replica non-Galera database behind the host is not single-replica', () => {
    expect(
      dbRules([
        web([{ name: 'DB_HOST', value: 'mysql' }]),
        ...mysql('shop', 3),
      ]),
    ).toEqual([]);
  });
});
