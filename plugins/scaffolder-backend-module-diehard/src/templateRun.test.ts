import fs from 'node:fs';
import path from 'node:path';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleDiehard from './index';
import { RegistryClient } from './registry/RegistryClient';
import {
  endpointOf,
  LabRegistry,
  labRegistry,
  uniqueRepository,
} from './__testUtils__/labRegistry';
import {
  adminClient,
  LabKubernetes,
  labKubernetes,
  uniqueName,
} from './__testUtils__/labKubernetes';

jest.setTimeout(300_000);

/**
 * A template run for real by the scaffolder's task engine: build, push, gate,
 * apply (with the image pinned to the pushed digest), rollout. The actions get
 * their input through the scaffolder's own schema validation and the task's
 * credentials for the permission check.
 */
describe('a Diehard template run by the scaffolder', () => {
  let reg: LabRegistry;
  let k: LabKubernetes;
  const dir = createMockDirectory();

  beforeAll(async () => {
    reg = await labRegistry();
    k = await labKubernetes();
  });

  it('ends with the pushed image running in the cluster', async () => {
    const ns = k.portal.namespaces[0];
    const name = uniqueName('run-e2e');
    const repository = uniqueRepository('run');
    dir.setContent({
      'skeleton/target/ROOT.war': 'PK war',
      'skeleton/manifests/app.yaml': fs
        .readFileSync(
          path.resolve(
            __dirname,
            '__testUtils__/fixtures/posture/good/app.yaml',
          ),
          'utf8',
        )
        .replace(/namespace: team-a/g, `namespace: ${ns}`)
        .replace(/petclinic/g, name),
    });
    const template = {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: {
        name: 'diehard-service',
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': `file:${dir.resolve(
            'template.yaml',
          )}`,
          'backstage.io/managed-by-origin-location': `file:${dir.resolve(
            'template.yaml',
          )}`,
        },
      },
      spec: {
        type: 'service',
        parameters: [{ properties: { name: { type: 'string' } } }],
        steps: [
          { id: 'fetch', action: 'fetch:plain', input: { url: './skeleton' } },
          {
            id: 'build',
            action: 'diehard:image:build',
            input: {
              layers: [
                {
                  from: 'target/ROOT.war',
                  to: '/usr/local/tomcat/webapps/ROOT.war',
                },
              ],
              source: 'https://git.example.com/team/${{ parameters.name }}',
            },
          },
          {
            id: 'push',
            action: 'diehard:image:push',
            input: { registry: 'internal', repository, tag: '1.0.0' },
          },
          {
            id: 'posture',
            action: 'diehard:posture:gate',
            input: { minimumGrade: 'C' },
          },
          {
            id: 'deploy',
            action: 'diehard:kubernetes:apply',
            input: {
              cluster: 'lab',
              timeoutSeconds: 120,
              images: [
                {
                  name: `team/${name}`,
                  reference: '${{ steps.push.output.reference }}',
                },
              ],
            },
          },
        ],
        output: {
          reference: '${{ steps.push.output.reference }}',
          summary: '${{ steps.deploy.output.summary }}',
        },
      },
    };

    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleDiehard,
        catalogServiceMock.factory({ entities: [template] }),
        mockServices.rootConfig.factory({
          data: {
            diehard: {
              registries: [
                {
                  name: 'internal',
                  host: reg.host,
                  username: reg.username,
                  password: reg.password,
                  caFile: reg.caFile,
                },
              ],
              apply: {
                clusters: [
                  {
                    name: 'lab',
                    namespaces: [ns],
                    kinds: ['Deployment', 'Service', 'PodDisruptionBudget'],
                  },
                ],
              },
            },
            kubernetes: {
              clusterLocatorMethods: [
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'lab',
                      url: k.server,
                      authProvider: 'serviceAccount',
                      serviceAccountToken: k.portal.token,
                      caFile: k.caFile,
                    },
                  ],
                },
              ],
            },
          },
        }),
      ],
    });
    const { port } = server.address() as { port: number };
    const api = (p: string, init?: RequestInit) =>
      fetch(`http://localhost:${port}/api/scaffolder${p}`, {
        ...init,
        headers: {
          'Content-Type': 'application/json',
          Authorization: mockCredentials.user.header(),
        },
      });

    const created = await api('/v2/tasks', {
      method: 'POST',
      body: JSON.stringify({
        templateRef: 'template:default/diehard-service',
        values: { name },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();

    let task: any;
    for (let i = 0; i < 500; i++) {
      task = await (await api(`/v2/tasks/${id}`)).json();
      if (['completed', 'failed', 'cancelled'].includes(task.status)) break;
      await new Promise(r => setTimeout(r, 500));
    }
    const events: any[] = await (await api(`/v2/tasks/${id}/events`)).json();
    const log = events.map(e => e.body?.message).join('\n');
    expect({ status: task.status, log }).toMatchObject({ status: 'completed' });
    const output = events.find(e => e.type === 'completion')?.body?.output;
    expect(output.summary).toBe('3 created, 0 configured, 0 unchanged');
    expect(log).toContain(
      `rollout Deployment ${ns}/${name}: 3/3 updated, 3/3 available`,
    );
    expect(log).not.toContain(reg.password);
    expect(log).not.toContain(k.portal.token);

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
});
