import crypto from 'node:crypto';
import { stripVTControlCharacters } from 'node:util';
import { itRunsAsOpsDoes, useOpsRun } from './__testUtils__/opsRun';
import { NAMESPACE } from './__testUtils__/tomcatHaServiceValues';

/**
 * nfs-volume as Ops runs it from the portal on the lab: the form's defaults, a name, the
 * pickers' choices; the real backend (app-config.yaml + app-config.lab.yaml) creates the
 * PersistentVolume on the NFS-HA address (the lab's stand-in: no NFS here) and its claim,
 * publishes the repository on the lab's git server and registers the Resource.
 */
jest.setTimeout(15 * 60_000);

const TEMPLATE = 'nfs-volume';
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
const name = `files-${crypto.randomBytes(3).toString('hex')}`;
const volumeName = `${NAMESPACE}-${name}`;

const run = useOpsRun(
  TEMPLATE,
  // What the pickers offer on the lab, to an Ops user who reads the portal in French.
  {
    name,
    owner: 'group:default/ops-team',
    cluster: 'lab',
    namespace: NAMESPACE,
    language: 'fr',
  },
  portal => {
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
  },
);

/** The claim once it is Bound (the deploy step does not wait for it). */
async function boundClaim(timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const claim = JSON.parse(
      run.portal!.kubectl(['get', 'pvc', name, '-n', NAMESPACE, '-o', 'json']),
    );
    if (claim.status?.phase === 'Bound' || Date.now() > deadline) return claim;
    await new Promise(r => setTimeout(r, 500));
  }
}

itRunsAsOpsDoes(run, TEMPLATE, name, {
  needs: 'a name and the pickers',
  typed: ['cluster', 'name', 'namespace', 'owner'],
  steps: STEPS,
  type: 'storage',
});

it("speaks the Ops user's French in every step of its own: the checks, the deploy, the publish", () => {
  // Each line of the task log without its colours and level: `[step] text`.
  const lines = run.task.log.map(l =>
    stripVTControlCharacters(l).replace(/^(\[[\w-]+\]) \w+: /, '$1 '),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(/^\[target\] cible : le cluster « lab »/),
  );
  expect(lines).toContain(
    `[deploy] PersistentVolumeClaim ${NAMESPACE}/${name} : créé`,
  );
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^\[deploy\] appliqué sur le cluster « lab » : 2 créés, 0 configuré, 0 inchangé/,
    ),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^\[publish\] branche « main » poussée vers http\S+ \(commit [0-9a-f]{12}\)$/,
    ),
  );
  expect(lines.join('\n')).not.toMatch(
    /^\[(deploy|publish)\] (applied|pushed|server dry-run)/m,
  );
});

it('creates a highly available volume on the NFS-HA address and binds its claim to it', async () => {
  const pv = JSON.parse(
    run.portal!.kubectl(['get', 'pv', volumeName, '-o', 'json']),
  );
  expect(pv.metadata.annotations['diehard.io/highly-available']).toBe('true');
  expect(pv.spec.nfs).toEqual({
    server: run.portal!.lab.kubernetes.nfsHa.server,
    path: `/exports/${name}`,
  });
  expect(pv.spec.accessModes).toEqual(['ReadWriteMany']);
  const claim = await boundClaim(60_000);
  expect(claim.status.phase).toBe('Bound');
  expect(claim.spec.volumeName).toBe(volumeName);
  expect(claim.spec.accessModes).toEqual(['ReadWriteMany']);
});
