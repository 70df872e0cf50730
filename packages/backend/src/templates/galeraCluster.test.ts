import YAML from 'yaml';
import { manifestsOf, readTemplate } from './__testUtils__/scaffolderDryRun';
import { oneOf } from './__testUtils__/labConfig';
import { postureOf } from './__testUtils__/posture';
import {
  itRefusesBadInput,
  useRenderedOnLab,
} from './__testUtils__/renderedOnLab';

jest.setTimeout(600_000);

const TEMPLATE = 'galera-cluster';
const form = {
  name: 'galera',
  owner: 'group:default/ops-team',
  size: 3,
  database: 'todo',
  cluster: 'lab',
  namespace: 'diehard-apps',
  storageClass: 'local-ssd',
  storageSize: '20Gi',
  credentialsSecret: 'galera-credentials',
  repoOwner: 'ops-team',
};

const onLab = useRenderedOnLab(TEMPLATE, form);

const one = (kind: string) => oneOf(onLab.objects, kind);

describe('galera-cluster through the real scaffolder', () => {
  it('passes the posture gate with grade A, and the lab API server accepts every object (server dry run)', () => {
    const log = onLab.rendered.log.join('\n');
    expect(log).toMatch(/HA posture grade A \(100\/100\), minimum A: passed/);
    expect(log).toMatch(/server dry-run accepted 5 object\(s\)/);
    expect(onLab.objects.map(o => o.kind).sort()).toEqual([
      'ConfigMap',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'Service',
      'StatefulSet',
    ]);
  });

  it('a StatefulSet of 3 Galera nodes, one per machine, each with its own volume, ready on wsrep_ready', () => {
    const ss = one('StatefulSet');
    const svc = one('Service');
    const pod = ss.spec.template.spec;
    const labels = ss.spec.template.metadata.labels;
    expect(ss.spec.replicas).toBe(3);
    expect(ss.spec.serviceName).toBe(svc.metadata.name);
    expect(svc.spec.clusterIP).toBe('None');
    expect(labels).toMatchObject(svc.spec.selector);
    const [anti] =
      pod.affinity.podAntiAffinity
        .requiredDuringSchedulingIgnoredDuringExecution;
    expect(anti.topologyKey).toBe('kubernetes.io/hostname');
    expect(labels).toMatchObject(anti.labelSelector.matchLabels);
    const [c] = pod.containers;
    expect(c.image).toBe(`${onLab.registryHost}/platform/mariadb:10.11`);
    expect(c.readinessProbe.exec.command.join(' ')).toMatch(
      /wsrep_ready.*grep -qw ON/,
    );
    expect(c.resources.requests).toEqual({ cpu: '500m', memory: '1Gi' });
    expect(ss.spec.volumeClaimTemplates).toHaveLength(1);
    expect(ss.spec.volumeClaimTemplates[0].spec).toMatchObject({
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'local-ssd',
      resources: { requests: { storage: '20Gi' } },
    });
    expect(c.volumeMounts.find((m: any) => m.name === 'data').mountPath).toBe(
      '/var/lib/mysql',
    );
    const pdb = one('PodDisruptionBudget');
    expect(pdb.spec.maxUnavailable).toBe(1);
    expect(labels).toMatchObject(pdb.spec.selector.matchLabels);
  });

  it('Galera configuration lists every node; credentials come from a Secret reference only', () => {
    const cm = one('ConfigMap');
    expect(cm.data['galera.cnf']).toMatch(/^wsrep_on = ON$/m);
    expect(cm.data['galera.cnf']).toMatch(
      /^wsrep_cluster_address = gcomm:\/\/galera-0\.galera,galera-1\.galera,galera-2\.galera$/m,
    );
    expect(onLab.objects.filter(o => o.kind === 'Secret')).toEqual([]);
    const env = one('StatefulSet').spec.template.spec.containers[0].env;
    for (const name of [
      'MARIADB_ROOT_PASSWORD',
      'MARIADB_USER',
      'MARIADB_PASSWORD',
    ]) {
      expect(
        env.find((e: any) => e.name === name).valueFrom.secretKeyRef.name,
      ).toBe('galera-credentials');
    }
  });

  it('registers a database Resource that services can depend on', () => {
    const entity = YAML.parse(onLab.rendered.files.get('catalog-info.yaml')!);
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'galera',
        annotations: {
          'backstage.io/kubernetes-id': 'galera',
          'backstage.io/kubernetes-namespace': 'diehard-apps',
        },
      },
      spec: { type: 'database', owner: 'group:default/ops-team' },
    });
    expect(entity.metadata.description).toContain(
      'jdbc:mariadb:sequential://galera-0.galera:3306,galera-1.galera:3306,galera-2.galera:3306/todo',
    );
  });

  it('writes what the user typed as text where YAML would read it otherwise (no, on, 1e3): the gate and the API server accept it', async () => {
    const r = await onLab.scaffolder.dryRun(TEMPLATE, {
      ...form,
      name: 'no',
      database: 'on',
      credentialsSecret: '1e3',
    });
    expect(r.status).toBe(200);
    expect(r.log.join('\n')).toMatch(/server dry-run accepted 5 object\(s\)/);
    const ss = oneOf(manifestsOf(r.files, 'k8s'), 'StatefulSet');
    expect(ss.metadata.name).toBe('no');
    const env = ss.spec.template.spec.containers[0].env;
    const named = (n: string) => env.find((e: any) => e.name === n);
    expect(named('MARIADB_DATABASE').value).toBe('on');
    expect(named('MARIADB_USER').valueFrom.secretKeyRef.name).toBe('1e3');
    const entity = YAML.parse(r.files.get('catalog-info.yaml')!);
    expect(entity.metadata.name).toBe('no');
  });

  itRefusesBadInput(onLab, TEMPLATE, form, [
    ['size', 4, /instance\.size is not one of enum values: 3,5,7,9/],
    ['size', 2, /instance\.size must be greater than or equal to 3/],
    ['size', 1, /instance\.size must be greater than or equal to 3/],
    ['name', 'Galera!', /instance\.name does not match pattern/],
    ['storageSize', 'lots', /instance\.storageSize does not match pattern/],
  ]);

  it('an even cluster (validation bypassed) is what the posture engine flags as a database risk', async () => {
    const t = readTemplate(TEMPLATE);
    delete t.spec.parameters[0].properties.size.enum;
    t.spec.steps = t.spec.steps.filter((s: any) => s.id === 'fetch');
    const r = await onLab.scaffolder.dryRun(
      TEMPLATE,
      { ...form, size: 4 },
      { template: t },
    );
    expect(r.status).toBe(200);
    const report = postureOf(manifestsOf(r.files, 'k8s'), [], 'galera');
    const findings = report.workloads.flatMap(w => w.findings);
    expect(findings.map(f => `${f.severity} ${f.category}`)).toContain(
      'critical database',
    );
  });
});
