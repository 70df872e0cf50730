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
import { NAMESPACE } from './__testUtils__/tomcatHaServiceValues';

/**
 * nfs-volume as Ops runs it from the portal on the lab: the form's defaults, a name, the
 * pickers' choices; the real backend (app-config.yaml + app-config.lab.yaml) creates the
 * PersistentVolume on the NFS-HA address (the lab's stand-in: no NFS here) and its claim,
 * publishes the repository on the lab's git server and registers the Resource.
 */
jest.setTimeout(15 * 60_000);

const TEMPLATE = 'nfs-volume';
const STEPS = ['target', 'fetch', 'posture', 'deploy', 'publish', 'register'];
const name = `files-${crypto.randomBytes(3).toString('hex')}`;
const volumeName = `${NAMESPACE}-${name}`;

let portal: RunPortal | undefined;
let task: TaskRun;
let repoOwner: string;

const values = () => ({
  ...formDefaults(TEMPLATE),
  name,
  // What the pickers offer on the lab.
  owner: 'group:default/ops-team',
  cluster: 'lab',
  namespace: NAMESPACE,
});

/** The claim once it is Bound (the deploy step does not wait for it). */
async function boundClaim(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const claim = JSON.parse(
      portal!.kubectl(['get', 'pvc', name, '-n', NAMESPACE, '-o', 'json']),
    );
    if (claim.status?.phase === 'Bound' || Date.now() > deadline) return claim;
    await new Promise(r => setTimeout(r, 500));
  }
}

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
  portal.kubectl([
    'delete',
    'pvc',
    name,
    '-n',
    NAMESPACE,
    '--ignore-not-found',
    '--wait=false',
  ]);
  // Retain: the volume outlives its claim unless removed.
  portal.kubectl([
    'delete',
    'pv',
    volumeName,
    '--ignore-not-found',
    '--wait=false',
  ]);
  removeLabRepo(portal.lab, repoOwner, name);
});

it('needs nothing but a name and the pickers: every other required field has a default', () => {
  const defaults = formDefaults(TEMPLATE);
  const typed = formRequired(TEMPLATE).filter(field => !(field in defaults));
  expect(typed.sort()).toEqual(['cluster', 'name', 'namespace', 'owner']);
});

it('runs every step of the template', () => {
  expect(task.steps).toEqual(
    Object.fromEntries(STEPS.map(s => [s, 'completed'])),
  );
});

it('creates a highly available volume on the NFS-HA address and binds its claim to it', async () => {
  const pv = JSON.parse(
    portal!.kubectl(['get', 'pv', volumeName, '-o', 'json']),
  );
  expect(pv.metadata.annotations['diehard.io/highly-available']).toBe('true');
  expect(pv.spec.nfs).toEqual({
    server: portal!.lab.kubernetes.nfsHa.server,
    path: `/exports/${name}`,
  });
  expect(pv.spec.accessModes).toEqual(['ReadWriteMany']);
  const claim = await boundClaim(60_000);
  expect(claim.status.phase).toBe('Bound');
  expect(claim.spec.volumeName).toBe(volumeName);
  expect(claim.spec.accessModes).toEqual(['ReadWriteMany']);
});

it('publishes the repository on the lab git server and registers the Resource from it', async () => {
  await expectRegisteredFromRepo(portal!, repoOwner, name, 'storage');
});

it("opens the repository in a browser from the task's Repository link and the entity's View source", async () => {
  await expectRepositoryOpensInBrowser(portal!, task, repoOwner, name);
});
