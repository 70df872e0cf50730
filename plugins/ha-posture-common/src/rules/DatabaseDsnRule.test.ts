import {
  deployment,
  netpol,
  pdb,
  rulesOn,
  findingsOn,
} from '../testing/fixtures';

const app = (url: string, annotations?: Record<string, string>) => [
  deployment(
    'web',
    d =>
      (d.spec.template.spec.containers[0].env = [
        {
          name: 'DB_URL',
          valueFrom: { secretKeyRef: { name: 'db', key: 'url' } },
        },
      ]),
  ),
  {
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'shop', annotations },
    stringData: { url },
  },
  pdb(),
  netpol(),
];
const db = (name: string, replicas: number) => [
  deployment(name, d => {
    d.kind = 'StatefulSet';
    d.spec.replicas = replicas;
    d.spec.template.spec.containers[0].image = 'postgres:16.4';
    d.spec.template.spec.containers[0].ports = [{ containerPort: 5432 }];
  }),
  {
    kind: 'Service',
    metadata: { name, namespace: 'shop' },
    spec: { selector: { app: name }, ports: [{ port: 5432 }] },
  },
];
const W = 'Deployment/shop/web';

describe('databaseDsnRule', () => {
  it('fires on a single external host, never printing the password', () => {
    const f = findingsOn(W, app('postgres://app:hunter2@db1.example:5432/app'));
    expect(f.map(x => x.rule)).toEqual(['database-single-host']);
    expect(JSON.stringify(f)).not.toContain('hunter2');
  });

  it('accepts multi-host URLs, declared HA endpoints and Services in front of replicas', () => {
    expect(rulesOn(W, app('jdbc:postgresql://a:5432,b:5432/app'))).toEqual([]);
    expect(
      rulesOn(
        W,
        app('jdbc:mysql://rds.example/app', {
          'diehard.io/highly-available': 'true',
        }),
      ),
    ).toEqual([]);
    expect(
      rulesOn(W, [...app('postgres://u:p@pg:5432/app'), ...db('pg', 3)]),
    ).toEqual([]);
  });

  it('fires on a one-replica database and on a single member of a cluster', () => {
    expect(
      rulesOn(W, [...app('postgres://u:p@pg:5432/app'), ...db('pg', 1)]),
    ).toEqual(['database-single-replica']);
    const headless = {
      kind: 'Service',
      metadata: { name: 'pg-headless', namespace: 'shop' },
      spec: { clusterIP: 'None', selector: { app: 'pg' } },
    };
    expect(
      rulesOn(W, [
        ...app('postgres://u:p@pg-0.pg-headless:5432/app'),
        ...db('pg', 3),
        headless,
      ]),
    ).toEqual(['database-single-member']);
  });
});
