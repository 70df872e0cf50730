import { deployment, findingsOn, rulesOn } from '../testing/fixtures';

const W = 'Deployment/shop/web';
const web = (patch: (c: any) => void) =>
  deployment('web', d => patch(d.spec.template.spec.containers[0]));
const unseen = (objects: any[]) =>
  rulesOn(W, objects).filter(r => r === 'database-unseen');

describe('databaseUnseenRule', () => {
  it('notes (info) an app whose DB variables name no host, and says how to make it visible', () => {
    const f = findingsOn(W, [
      web(
        c => (c.env = [{ name: 'SPRING_DATASOURCE_USERNAME', value: 'app' }]),
      ),
    ]).find(x => x.rule === 'database-unseen');
    expect(f?.severity).toBe('info');
    expect(f?.message).toContain('SPRING_DATASOURCE_USERNAME');
    expect(f?.remediation).toMatch(/env var|ConfigMap\/Secret/);
  });

  it('notes a host read from a Secret the input does not hold, naming it', () => {
    const f = findingsOn(W, [
      web(
        c =>
          (c.env = [
            {
              name: 'DB_HOST',
              valueFrom: {
                secretKeyRef: { name: 'made-by-hand', key: 'host' },
              },
            },
          ]),
      ),
    ]).find(x => x.rule === 'database-unseen');
    expect(f?.message).toContain('Secret/shop/made-by-hand');
  });

  it('notes an image that cannot run without a database server', () => {
    expect(unseen([web(c => (c.image = 'wordpress:6.6.2-apache'))])).toEqual([
      'database-unseen',
    ]);
  });

  it('stays silent without a sign of a database, with the host visible, an embedded one, or a DB proxy', () => {
    expect(unseen([web(() => {})])).toEqual([]);
    expect(
      unseen([web(c => (c.env = [{ name: 'DB_HOST', value: 'db.example' }]))]),
    ).toEqual([]);
    expect(
      unseen([
        web(
          c =>
            (c.env = [
              { name: 'KC_DB', value: 'dev-file' },
              { name: 'KC_DB_USERNAME', value: 'x' },
            ]),
        ),
      ]),
    ).toEqual([]);
    expect(
      unseen([
        deployment('web', d => {
          d.spec.template.spec.containers[0].env = [
            { name: 'DB_USER', value: 'x' },
          ];
          d.spec.template.spec.containers.push({
            name: 'proxy',
            image: 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.0',
          });
        }),
      ]),
    ).toEqual([]);
    // A database server in a custom image: its init variables or its data directory say so.
    expect(
      unseen([
        web(c => {
          c.image = 'corp/irondb:2.0';
          c.env = [
            { name: 'MYSQL_ROOT_PASSWORD', value: 'x' },
            { name: 'MYSQL_USER', value: 'x' },
          ];
        }),
      ]),
    ).toEqual([]);
    expect(
      unseen([
        web(c => {
          c.image = 'corp/pg:16';
          c.env = [{ name: 'POSTGRES_USER', value: 'x' }];
          c.volumeMounts = [
            { name: 'd', mountPath: '/var/lib/postgresql/data' },
          ];
        }),
      ]),
    ).toEqual([]);
    // The database itself reads MYSQL_* variables: it is no client.
    expect(
      unseen([
        web(c => {
          c.image = 'mysql:8.4.3';
          c.env = [{ name: 'MYSQL_USER', value: 'x' }];
        }),
      ]),
    ).toEqual([]);
  });
});
