import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { evaluatePosture } from './evaluate';
import { parseManifests } from './manifests/parseManifests';
import { deployment, service } from './testing/fixtures';

function corpusObjects(name: string) {
  const dir = join(__dirname, '../corpus/service', name);
  return readdirSync(dir)
    .filter(f => f.endsWith('.yaml') && f !== 'expected.yaml')
    .flatMap(f =>
      parseManifests(readFileSync(join(dir, f), 'utf8'), f).objects.map(
        o => o.object,
      ),
    );
}

const withEnv = (name: string, env: Array<{ name: string; value: string }>) =>
  deployment(name, d => {
    d.spec.template.spec.containers[0].env = env;
  });

describe('what each workload relies on (around)', () => {
  it('names the HA stack’s Ingress, Galera cluster and shared volume, findings or not', () => {
    const report = evaluatePosture({ objects: corpusObjects('eni-todo-ha') });
    const web = report.workloads.find(w => w.name === 'todo-web');
    expect(web?.findings).toEqual([]);
    expect(web?.around).toEqual({
      entryPoints: ['Ingress/eni-todo/todo-web'],
      databases: ['StatefulSet/eni-todo/galera'],
      volumes: ['PersistentVolumeClaim/eni-todo/todo-web-uploads'],
    });
    // The database server reaches no database.
    const galera = report.workloads.find(w => w.name === 'galera');
    expect(galera?.around?.databases).toEqual([]);
  });

  it('names a database outside the objects by its host, and a Service that selects nothing', () => {
    const report = evaluatePosture({
      objects: [
        withEnv('billing', [
          {
            name: 'DB_URL',
            value: 'jdbc:mariadb://db.prod.example.org:3306/billing',
          },
        ]),
        withEnv('stock', [{ name: 'DB_HOST', value: 'stock-db' }]),
        service('stock-db', { app: 'nothing-here' }),
        withEnv('sidecar', [{ name: 'DB_HOST', value: 'localhost' }]),
      ],
    });
    const around = (name: string) =>
      report.workloads.find(w => w.name === name)?.around;
    expect(around('billing')?.databases).toEqual(['db.prod.example.org']);
    expect(around('stock')?.databases).toEqual(['Service/shop/stock-db']);
    // A database on the pod's own loopback is no object around it.
    expect(around('sidecar')?.databases).toEqual([]);
    expect(around('billing')?.entryPoints).toEqual([]);
    expect(around('billing')?.volumes).toEqual([]);
  });

  it("names a StatefulSet's per-replica claims once they exist, whatever spec.replicas says", () => {
    const claim = (name: string) => ({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name, namespace: 'shop' },
      spec: {},
    });
    const statefulSet = (replicas: number) =>
      deployment('galera', d => {
        d.kind = 'StatefulSet';
        d.spec.replicas = replicas;
        d.spec.volumeClaimTemplates = [{ metadata: { name: 'data' } }];
      });
    const objects = [
      claim('data-galera-2'),
      claim('data-galera-0'),
      claim('data-galera-7'),
      claim('data-galera-x'),
      claim('data-other-0'),
    ];
    const volumes = (replicas: number) =>
      evaluatePosture({
        objects: [statefulSet(replicas), ...objects],
      }).workloads.find(w => w.name === 'galera')?.around?.volumes;

    // Ordinal 1 was deleted; 7 is left from a scale-down and serves no replica.
    expect(volumes(3)).toEqual([
      'PersistentVolumeClaim/shop/data-galera-0',
      'PersistentVolumeClaim/shop/data-galera-2',
    ]);
    // A billion replicas: the claims there are, each once (no ordinal is tried one by one).
    expect(volumes(1_000_000_000)).toEqual([
      'PersistentVolumeClaim/shop/data-galera-0',
      'PersistentVolumeClaim/shop/data-galera-2',
      'PersistentVolumeClaim/shop/data-galera-7',
    ]);
  });
});
