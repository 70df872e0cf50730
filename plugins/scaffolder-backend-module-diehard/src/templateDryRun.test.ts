import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
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

jest.setTimeout(180_000);

/**
 * The four actions in one template, run by the real scaffolder in its dry-run mode
 * (the template editor's "dry run"), against the lab: the image is built, the push
 * and the apply only say what they would do, and nothing reaches the registry or
 * the cluster.
 */
describe('a Diehard template in the scaffolder dry run', () => {
  let reg: LabRegistry;
  let k: LabKubernetes;

  beforeAll(async () => {
    reg = await labRegistry();
    k = await labKubernetes();
  });

  it('builds, gates and validates without pushing or applying', async () => {
    const ns = k.portal.namespaces[0];
    const name = uniqueName('dryrun-e2e');
    const repository = uniqueRepository('e2e');
    const manifests = fs
      .readFileSync(
        path.resolve(__dirname, '__testUtils__/fixtures/posture/good/app.yaml'),
        'utf8',
      )
      .replace(/namespace: team-a/g, `namespace: ${ns}`)
      .replace(/petclinic/g, name);

    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleDiehard,
        catalogServiceMock.factory(),
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

    const template = {
      apiVersion: 'scaffolder.backstage.io/v1beta3',
      kind: 'Template',
      metadata: { name: 'diehard-service' },
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
          grade: '${{ steps.posture.output.grade }}',
          summary: '${{ steps.deploy.output.summary }}',
        },
      },
    };
    const file = (p: string, content: string) => ({
      path: p,
      base64Content: Buffer.from(content).toString('base64'),
    });
    const { port } = server.address() as { port: number };
    const res = await fetch(
      `http://localhost:${port}/api/scaffolder/v2/dry-run`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: mockCredentials.user.header(),
        },
        body: JSON.stringify({
          template,
          values: { name },
          directoryContents: [
            file('skeleton/target/ROOT.war', 'PK war'),
            file('skeleton/manifests/app.yaml', manifests),
          ],
        }),
      },
    );
    const body = await res.json();
    const log = (body.log ?? []).map((l: any) => l.body.message).join('\n');
    expect({ status: res.status, error: body.error }).toEqual({
      status: 200,
      error: undefined,
    });
    expect(body.steps.map((s: any) => s.id)).toEqual([
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
});
