import YAML from 'yaml';
import { oneOf } from './__testUtils__/labConfig';
import {
  itRefusesBadInput,
  useRenderedOnLab,
} from './__testUtils__/renderedOnLab';

jest.setTimeout(600_000);

const TEMPLATE = 'ha-registry';
const form = {
  name: 'registry',
  owner: 'group:default/ops-team',
  replicas: 2,
  host: 'registry.apps.example.org',
  tlsSecret: 'registry-tls',
  htpasswdSecret: 'registry-auth',
  cluster: 'lab',
  namespace: 'diehard-apps',
  storageClass: 'nfs-ha',
  storageSize: '100Gi',
  repoOwner: 'ops-team',
};

const onLab = useRenderedOnLab(TEMPLATE, form);

const one = (kind: string) => oneOf(onLab.objects, kind);

describe('ha-registry through the real scaffolder', () => {
  it('passes the posture gate with grade A, and the lab API server accepts every object (server dry run)', () => {
    const log = onLab.rendered.log.join('\n');
    expect(log).toMatch(/HA posture grade A \(100\/100\), minimum A: passed/);
    expect(log).toMatch(/server dry-run accepted 6 object\(s\)/);
  });

  it('2 replicas on different machines sharing one RWX NFS volume, htpasswd from a Secret, one HTTP secret', () => {
    const d = one('Deployment');
    const pod = d.spec.template.spec;
    expect(d.spec.replicas).toBe(2);
    const [anti] =
      pod.affinity.podAntiAffinity
        .requiredDuringSchedulingIgnoredDuringExecution;
    expect(anti.topologyKey).toBe('kubernetes.io/hostname');
    const [c] = pod.containers;
    expect(c.image).toBe(`${onLab.registryHost}/platform/registry:2.8.3`);
    expect(c.readinessProbe.httpGet.port).toBe('http');
    const env = Object.fromEntries(c.env.map((e: any) => [e.name, e]));
    expect(env.REGISTRY_AUTH.value).toBe('htpasswd');
    expect(env.REGISTRY_HTTP_SECRET.valueFrom.secretKeyRef).toEqual({
      name: 'registry-auth',
      key: 'http-secret',
    });
    const volumes = Object.fromEntries(
      pod.volumes.map((v: any) => [v.name, v]),
    );
    expect(volumes.auth.secret.secretName).toBe('registry-auth');
    const pvc = one('PersistentVolumeClaim');
    expect(volumes.storage.persistentVolumeClaim.claimName).toBe(
      pvc.metadata.name,
    );
    expect(pvc.spec).toMatchObject({
      accessModes: ['ReadWriteMany'],
      storageClassName: 'nfs-ha',
    });
    expect(onLab.objects.filter(o => o.kind === 'Secret')).toEqual([]);
  });

  it('TLS Ingress to the Service, a PDB, a catalog Resource', () => {
    const ing = one('Ingress');
    expect(ing.spec.tls).toEqual([
      { hosts: ['registry.apps.example.org'], secretName: 'registry-tls' },
    ]);
    expect(ing.spec.rules[0].http.paths[0].backend.service.name).toBe(
      one('Service').metadata.name,
    );
    expect(
      ing.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'],
    ).toBe('0');
    expect(one('PodDisruptionBudget').spec.maxUnavailable).toBe(1);
    expect(
      YAML.parse(onLab.rendered.files.get('catalog-info.yaml')!),
    ).toMatchObject({
      kind: 'Resource',
      spec: { type: 'container-registry' },
    });
  });

  itRefusesBadInput(onLab, TEMPLATE, form, [
    ['replicas', 1, /instance\.replicas must be greater than or equal to 2/],
    ['host', 'https://registry', /instance\.host does not match pattern/],
    [
      'htpasswdSecret',
      'user:$2y$05$abc',
      /instance\.htpasswdSecret does not match pattern/,
    ],
  ]);
});
