import yaml from 'yaml';
import { RegistryClient } from '@diehard/plugin-container-images-node';
import { endpointOf, uniqueRepository } from './__testUtils__/labRegistry';
import { adminClient, uniqueName } from './__testUtils__/labKubernetes';
import {
  serviceManifests,
  serviceTemplate,
  startScaffolder,
  useTemplateLab,
} from './__testUtils__/scaffolderBackend';

jest.setTimeout(180_000);

/**
 * The four actions in one template, run by the real scaffolder in its dry-run mode
 * (the template editor's "dry run"), against the lab: the image is built, the push
 * and the apply only say what they would do, and nothing reaches the registry or
 * the cluster.
 */
describe('a Diehard template in the scaffolder dry run', () => {
  const lab = useTemplateLab();

  it('builds, gates and validates without pushing or applying', async () => {
    const { reg, k } = lab;
    const ns = k.portal.namespaces[0];
    const name = uniqueName('dryrun-e2e');
    const repository = uniqueRepository('e2e');
    const { api } = await startScaffolder({ reg, k, namespace: ns });
    const template = serviceTemplate({
      repository,
      name,
      output: {
        reference: '${{ steps.push.output.reference }}',
        grade: '${{ steps.posture.output.grade }}',
        summary: '${{ steps.deploy.output.summary }}',
      },
    });
    const file = (p: string, content: string) => ({
      path: p,
      base64Content: Buffer.from(content).toString('base64'),
    });
    const res = await api('/v2/dry-run', {
      method: 'POST',
      body: JSON.stringify({
        template,
        values: { name, cluster: 'lab', namespace: ns },
        directoryContents: [
          file('skeleton/target/ROOT.war', 'PK war'),
          file('skeleton/manifests/app.yaml', serviceManifests(ns, name)),
        ],
      }),
    });
    const body = await res.json();
    const log = (body.log ?? []).map((l: any) => l.body.message).join('\n');
    expect({ status: res.status, error: body.error }).toEqual({
      status: 200,
      error: undefined,
    });
    expect(body.steps.map((s: any) => s.id)).toEqual([
      'target',
      'fetch',
      'build',
      'push',
      'posture',
      'deploy',
    ]);
    expect(body.output.reference).toMatch(
      new RegExp(
        `^${reg.host.replace(/\./g, '\\.')}/${repository}@sha256:[a-f0-9]{64}$`,
      ),
    );
    expect(body.output.grade).toMatch(/^[ABC]$/);
    expect(body.output.summary).toBe('3 created, 0 configured, 0 unchanged');
    expect(log).toContain('server dry-run accepted 3 object(s)');
    expect(yaml.stringify(body)).not.toContain(reg.password);

    // Nothing left the dry run.
    const client = new RegistryClient(endpointOf(reg));
    const admin = adminClient(k);
    try {
      expect(await client.hasManifest(repository, '1.0.0')).toBe(false);
      expect(
        await admin.get({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name, namespace: ns },
        }),
      ).toBeUndefined();
    } finally {
      client.close();
      admin.close();
    }
  });

  it('refuses, before asking the cluster, a storage class that is no Kubernetes name', async () => {
    const { k } = lab;
    const ns = k.portal.namespaces[0];
    const { api } = await startScaffolder({ reg: lab.reg, k, namespace: ns });
    const template = {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'storage-class-check' },
      spec: {
        type: 'service',
        owner: 'group:default/ops-team',
        parameters: [],
        steps: [
          {
            id: 'target',
            action: 'diehard:kubernetes:check-target',
            input: {
              cluster: 'lab',
              namespace: ns,
              storageClasses: ['${{ parameters.storageClass }}'],
            },
          },
        ],
      },
    };
    const run = async (storageClass: string) => {
      const res = await api('/v2/dry-run', {
        method: 'POST',
        body: JSON.stringify({
          template,
          values: { storageClass },
          directoryContents: [],
        }),
      });
      const body = await res.json();
      return [
        ...(body.log ?? []).map((l: any) => l.body.message),
        body.error?.message,
      ].join('\n');
    };
    expect(await run('nfs-ha')).toContain('is open to this task');
    for (const name of ['NFS HA', '\u001b[31mnfs-ha', 'nfs-ha\nx'])
      expect(await run(name)).toContain(
        'Invalid input passed to action diehard:kubernetes:check-target, instance.storageClasses[0] does not match pattern',
      );
  });
});
