import crypto from 'node:crypto';
import { formDefaults } from './__testUtils__/formDefaults';
import {
  deleteLabelled,
  itRunsAsOpsDoes,
  useOpsRun,
} from './__testUtils__/opsRun';
import {
  NAMESPACE,
  serviceObjects,
} from './__testUtils__/tomcatHaServiceValues';

/**
 * ha-registry as Ops runs it from the portal on the lab: the form's defaults, a name, a
 * host name, the pickers' choices; the real backend (app-config.yaml +
 * app-config.lab.yaml) deploys the replicas on one shared nfs-ha claim, publishes the
 * repository on the lab's git server and registers the Resource. The htpasswd Secret
 * the form names by default is the lab's fixture (lab/src/components/kubernetes/manifests.ts).
 */
jest.setTimeout(15 * 60_000);

const TEMPLATE = 'ha-registry';
const STEPS = [
  'target',
  'check-publish',
  'check-name',
  'fetch',
  'posture',
  'deploy',
  'publish',
  'register',
  'catalog-ready',
];
const name = `registry-${crypto.randomBytes(3).toString('hex')}`;
const host = `${name}.apps.example.org`;

const run = useOpsRun(
  TEMPLATE,
  {
    name,
    host,
    owner: 'group:default/ops-team',
    cluster: 'lab',
    namespace: NAMESPACE,
  },
  portal =>
    deleteLabelled(args => portal.kubectl(args), NAMESPACE, name, [
      'deployment',
      'service',
      'poddisruptionbudget',
      'networkpolicy',
      'ingress',
      'persistentvolumeclaim',
    ]),
);

const objects = (kind: string) =>
  serviceObjects(args => run.portal!.kubectl(args), kind, name);

itRunsAsOpsDoes(run, TEMPLATE, name, {
  needs: 'a name, a host name and the pickers',
  typed: ['cluster', 'host', 'namespace', 'owner'],
  steps: STEPS,
  type: 'container-registry',
});

it('runs the replicas on distinct nodes, sharing one bound ReadWriteMany claim', () => {
  const replicas = formDefaults(TEMPLATE).replicas as number;
  expect(replicas).toBeGreaterThanOrEqual(2);
  const [claim] = objects('persistentvolumeclaims');
  expect(claim.spec.storageClassName).toBe('nfs-ha');
  expect(claim.spec.accessModes).toEqual(['ReadWriteMany']);
  expect(claim.status.phase).toBe('Bound');

  const running = objects('pods').filter(p => p.status.phase === 'Running');
  expect(running).toHaveLength(replicas);
  expect(new Set(running.map(p => p.spec.nodeName)).size).toBe(replicas);
  for (const pod of running) {
    const claims = pod.spec.volumes
      .map((v: any) => v.persistentVolumeClaim?.claimName)
      .filter(Boolean);
    expect(claims).toEqual([claim.metadata.name]);
  }
  for (const kind of [
    'service',
    'poddisruptionbudget',
    'networkpolicy',
    'ingress',
  ]) {
    expect({ kind, count: objects(kind).length }).toEqual({ kind, count: 1 });
  }
});

it('finds the htpasswd Secret its pods read in the namespace (the lab fixture)', () => {
  const deployment = JSON.parse(
    run.portal!.kubectl([
      'get',
      'deployment',
      name,
      '-n',
      NAMESPACE,
      '-o',
      'json',
    ]),
  );
  const secretName = deployment.spec.template.spec.volumes.find(
    (v: any) => v.secret,
  ).secret.secretName;
  expect(secretName).toBe(formDefaults(TEMPLATE).htpasswdSecret);
  const secret = JSON.parse(
    run.portal!.kubectl([
      'get',
      'secret',
      secretName,
      '-n',
      NAMESPACE,
      '-o',
      'json',
    ]),
  );
  expect(Object.keys(secret.data).sort()).toEqual(['htpasswd', 'http-secret']);
  expect(Buffer.from(secret.data.htpasswd, 'base64').toString()).toMatch(
    /^[a-z-]+:\$2[aby]\$/,
  );
});
