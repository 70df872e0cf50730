import { createMockDirectory } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { RegistryClient } from '@diehard/plugin-container-images-node';
import { endpointOf, uniqueRepository } from './__testUtils__/labRegistry';
import { adminClient, uniqueName } from './__testUtils__/labKubernetes';
import {
  serviceManifests,
  serviceTemplate,
  startScaffolder,
  useTemplateLab,
} from './__testUtils__/scaffolderBackend';

jest.setTimeout(300_000);

type Api = Awaited<ReturnType<typeof startScaffolder>>['api'];

async function untilTaskEnds(api: Api, id: string) {
  let task: any;
  for (let i = 0; i < 500; i++) {
    task = await (await api(`/v2/tasks/${id}`)).json();
    if (['completed', 'failed', 'cancelled'].includes(task.status)) break;
    await new Promise(r => setTimeout(r, 500));
  }
  const events: any[] = await (await api(`/v2/tasks/${id}/events`)).json();
  return { task, events };
}

/**
 * A template run for real by the scaffolder's task engine: build, push, gate,
 * apply (with the image pinned to the pushed digest), rollout. The actions get
 * their input through the scaffolder's own schema validation and the task's
 * credentials for the permission check.
 */
describe('a Diehard template run by the scaffolder', () => {
  const lab = useTemplateLab();
  const dir = createMockDirectory();

  /**
   * A scaffolder that knows the service template, registered from `dir` whose skeleton
   * holds a WAR and `name`'s manifests for `ns`. What it returns runs the template with
   * the pickers' choices (`values` over them) and waits for the task to end.
   */
  async function scaffolderFor(
    ns: string,
    name: string,
    repository: string,
    steps: { build?: JsonObject; deploy?: JsonObject; output: JsonObject },
  ) {
    dir.setContent({
      'skeleton/target/ROOT.war': 'PK war',
      'skeleton/manifests/app.yaml': serviceManifests(ns, name),
    });
    const location = `file:${dir.resolve('template.yaml')}`;
    const template = serviceTemplate({
      repository,
      name,
      metadata: {
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': location,
          'backstage.io/managed-by-origin-location': location,
        },
      },
      ...steps,
    });
    const { api, audit } = await startScaffolder({
      reg: lab.reg,
      k: lab.k,
      namespace: ns,
      entities: [template],
    });
    return async (values: JsonObject = {}) => {
      const created = await api('/v2/tasks', {
        method: 'POST',
        body: JSON.stringify({
          templateRef: 'template:default/diehard-service',
          values: { name, cluster: 'lab', namespace: ns, ...values },
        }),
      });
      expect(created.status).toBe(201);
      const { task, events } = await untilTaskEnds(
        api,
        (
          await created.json()
        ).id,
      );
      const log = events.map(e => e.body?.message).join('\n');
      return { task, events, log, audit };
    };
  }

  it('ends with the pushed image running in the cluster', async () => {
    const { reg, k } = lab;
    const ns = k.portal.namespaces[0];
    const name = uniqueName('run-e2e');
    const repository = uniqueRepository('run');
    const run = await scaffolderFor(ns, name, repository, {
      build: { source: 'https://git.example.com/team/${{ parameters.name }}' },
      deploy: { timeoutSeconds: 120 },
      output: {
        reference: '${{ steps.push.output.reference }}',
        summary: '${{ steps.deploy.output.summary }}',
      },
    });
    const { task, events, log, audit } = await run();
    expect({ status: task.status, log }).toMatchObject({ status: 'completed' });
    const output = events.find(e => e.type === 'completion')?.body?.output;
    expect(output.summary).toBe('3 created, 0 configured, 0 unchanged');
    expect(log).toContain(
      `rollout Deployment ${ns}/${name}: 3/3 updated, 3/3 available`,
    );
    expect(log).not.toContain(reg.password);
    expect(log).not.toContain(k.portal.token);
    // The user reads sentences: no logger fields after them.
    expect(log).toContain(`pushed ${output.reference}`);
    expect(log).not.toMatch(/\{"\w+":/);

    // Who pushed what and applied which objects where, for the operators' audit trail.
    const done = (eventId: string) =>
      audit.find(e => e.eventId === eventId && e.status === 'succeeded')?.meta;
    const who = { taskId: task.id, createdBy: 'user:default/mock' };
    expect(done('diehard-image-push')).toMatchObject({
      ...who,
      templateRef: 'template:default/diehard-service',
      outputs: { reference: output.reference },
    });
    expect(done('diehard-kubernetes-apply')).toMatchObject({
      ...who,
      outputs: {
        changed: 3,
        objects: expect.arrayContaining([
          expect.objectContaining({
            kind: 'Deployment',
            namespace: ns,
            name,
            result: 'created',
          }),
        ]),
      },
    });
    expect(JSON.stringify(audit)).not.toContain(reg.password);
    expect(JSON.stringify(audit)).not.toContain(k.portal.token);

    const client = new RegistryClient(endpointOf(reg));
    const admin = adminClient(k);
    try {
      const digest = output.reference.split('@')[1];
      expect((await client.getManifest(repository, '1.0.0')).digest).toBe(
        digest,
      );
      const d: any = await admin.get({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: ns },
      });
      expect(d.spec.template.spec.containers[0].image).toBe(output.reference);
    } finally {
      for (const [apiVersion, kind] of [
        ['apps/v1', 'Deployment'],
        ['v1', 'Service'],
        ['policy/v1', 'PodDisruptionBudget'],
      ]) {
        await admin
          .delete({ apiVersion, kind, metadata: { name, namespace: ns } })
          .catch(() => {});
      }
      client.close();
      admin.close();
    }
  });
  it.each([
    [
      'an unknown cluster',
      { cluster: 'prod' },
      'cluster "prod" is not a cluster templates may deploy to (open to you: lab; see diehard.apply.clusters)',
    ],
    [
      'a namespace outside the allowlist',
      { namespace: 'kube-system' },
      'namespace "kube-system" is not allowed on cluster "lab" (allowed: NS)',
    ],
  ])(
    'refuses %s at the first step: nothing is built, pushed or applied',
    async (_d, target, message) => {
      const { reg, k } = lab;
      const ns = k.portal.namespaces[0];
      const name = uniqueName('refused');
      const repository = uniqueRepository('refused');
      const run = await scaffolderFor(ns, name, repository, { output: {} });
      const { task, events, log, audit } = await run(target);
      expect(task.status).toBe('failed');
      expect(audit.map(e => e.eventId)).not.toContain('diehard-image-push');
      // The last status each step reported: only the check ran.
      const steps: Record<string, string> = {};
      for (const e of events) {
        if (e.body?.stepId && e.body?.status)
          steps[e.body.stepId] = e.body.status;
      }
      expect(steps).toEqual({
        target: 'failed',
        fetch: 'skipped',
        build: 'skipped',
        push: 'skipped',
        posture: 'skipped',
        deploy: 'skipped',
      });
      expect(log).toContain(message.replace('NS', ns));
      // The user's log names no file of the server (a stack trace would).
      expect(log).not.toMatch(/^\s+at /m);
      expect(log).not.toContain(__dirname.split('/plugins/')[0]);

      const client = new RegistryClient(endpointOf(reg));
      const admin = adminClient(k);
      try {
        expect(await client.hasManifest(repository, '1.0.0')).toBe(false);
        for (const namespace of [ns, 'kube-system']) {
          expect(
            await admin.get({
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              metadata: { name, namespace },
            }),
          ).toBeUndefined();
        }
      } finally {
        client.close();
        admin.close();
      }
    },
  );
});
