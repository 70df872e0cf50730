import crypto from 'node:crypto';
import { formDefaults, formRequired } from './__testUtils__/formDefaults';
import {
  expectRegisteredFromRepo,
  expectRepositoryOpensInBrowser,
  removeLabRepo,
  RunPortal,
  startRunPortal,
} from './__testUtils__/labRun';
import { TaskRun } from './__testUtils__/scaffolderTask';
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
const STEPS = ['target', 'fetch', 'posture', 'deploy', 'publish', 'register'];
const name = `registry-${crypto.randomBytes(3).toString('hex')}`;
const host = `${name}.apps.example.org`;

let portal: RunPortal | undefined;
let task: TaskRun;
let repoOwner: string;

const values = () => ({
  ...formDefaults(TEMPLATE),
  name,
  host,
  owner: 'group:default/ops-team',
  cluster: 'lab',
  namespace: NAMESPACE,
});

const objects = (kind: string) =>
  serviceObjects(args => portal!.kubectl(args), kind, name);

beforeAll(async () => {
  repoOwner = formDefaults(TEMPLATE).repoOwner as string;
  portal = await startRunPortal();
  task = await portal.runTask(
    `template:default/${TEMPLATE}`,
    values(),
    10 * 60_000,
  );
});

afterAll(async () => {
  await portal?.stop();
  if (!portal) return;
  for (const kind of [
    'deployment',
    'service',
    'poddisruptionbudget',
    'networkpolicy',
    'ingress',
    'persistentvolumeclaim',
  ]) {
    portal.kubectl([
      'delete',
      kind,
      '-n',
      NAMESPACE,
      '-l',
      `app.kubernetes.io/name=${name}`,
      '--ignore-not-found',
      '--wait=false',
    ]);
  }
  removeLabRepo(portal.lab, repoOwner, name);
});

it('needs nothing but a name, a host name and the pickers: every other required field has a default', () => {
  const defaults = formDefaults(TEMPLATE);
  const typed = formRequired(TEMPLATE).filter(field => !(field in defaults));
  expect(typed.sort()).toEqual(['cluster', 'host', 'namespace', 'owner']);
});

it('runs every step of the template', () => {
  expect(task.steps).toEqual(
    Object.fromEntries(STEPS.map(s => [s, 'completed'])),
  );
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
    portal!.kubectl(['get', 'deployment', name, '-n', NAMESPACE, '-o', 'json']),
  );
  const secretName = deployment.spec.template.spec.volumes.find(
    (v: any) => v.secret,
  ).secret.secretName;
  expect(secretName).toBe(formDefaults(TEMPLATE).htpasswdSecret);
  const secret = JSON.parse(
    portal!.kubectl([
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

it('publishes the repository on the lab git server and registers the Resource from it', async () => {
  await expectRegisteredFromRepo(
    portal!,
    repoOwner,
    name,
    'container-registry',
  );
});

it("opens the repository in a browser from the task's Repository link and the entity's View source", async () => {
  await expectRepositoryOpensInBrowser(portal!, task, repoOwner, name);
});
