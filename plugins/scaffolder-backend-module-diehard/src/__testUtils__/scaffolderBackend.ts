import fs from 'node:fs';
import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { JsonObject } from '@backstage/types';
import scaffolderModuleDiehard from '../index';
import { labClusterLocators } from '@diehard/lab';
import { auditEvents } from '@diehard/backend-test-utils';
import { LabKubernetes, labKubernetes } from './labKubernetes';
import { LabRegistry, labRegistry, registryEntry } from './labRegistry';

/** The lab's registry and cluster for a suite (ready from its `beforeAll`). */
export function useTemplateLab(): { reg: LabRegistry; k: LabKubernetes } {
  const lab = {} as { reg: LabRegistry; k: LabKubernetes };
  beforeAll(async () => {
    lab.reg = await labRegistry();
    lab.k = await labKubernetes();
  });
  return lab;
}

/** The posture fixture's good manifests, moved into `namespace` and renamed `name`. */
export function serviceManifests(namespace: string, name: string): string {
  return fs
    .readFileSync(
      path.resolve(__dirname, 'fixtures/posture/good/app.yaml'),
      'utf8',
    )
    .replace(/namespace: team-a/g, `namespace: ${namespace}`)
    .replace(/petclinic/g, name);
}

/** A v1beta3 template of the service steps, with `output`. */
export function serviceTemplate(options: {
  repository: string;
  name: string;
  metadata?: JsonObject;
  build?: JsonObject;
  deploy?: JsonObject;
  output: JsonObject;
}): JsonObject {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'diehard-service', ...options.metadata },
    spec: {
      type: 'service',
      parameters: [
        {
          properties: {
            name: { type: 'string' },
            cluster: { type: 'string', 'ui:field': 'DiehardClusterPicker' },
            namespace: {
              type: 'string',
              'ui:field': 'DiehardNamespacePicker',
            },
          },
        },
      ],
      steps: serviceTemplateSteps(options),
      output: options.output,
    },
  };
}

/**
 * The template steps a service goes through: check the target cluster and namespace,
 * fetch the skeleton, build, push, gate, apply with the image pinned to the pushed
 * digest.
 */
function serviceTemplateSteps(options: {
  repository: string;
  name: string;
  build?: JsonObject;
  deploy?: JsonObject;
}): JsonObject[] {
  return [
    {
      id: 'target',
      action: 'diehard:kubernetes:check-target',
      input: {
        cluster: '${{ parameters.cluster }}',
        namespace: '${{ parameters.namespace }}',
      },
    },
    { id: 'fetch', action: 'fetch:plain', input: { url: './skeleton' } },
    {
      id: 'build',
      action: 'diehard:image:build',
      input: {
        layers: [
          { from: 'target/ROOT.war', to: '/usr/local/tomcat/webapps/ROOT.war' },
        ],
        ...options.build,
      },
    },
    {
      id: 'push',
      action: 'diehard:image:push',
      input: {
        registry: 'internal',
        repository: options.repository,
        tag: '1.0.0',
      },
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
        cluster: '${{ parameters.cluster }}',
        namespace: '${{ parameters.namespace }}',
        images: [
          {
            name: `team/${options.name}`,
            reference: '${{ steps.push.output.reference }}',
          },
        ],
        ...options.deploy,
      },
    },
  ];
}

/**
 * A real scaffolder backend with our module, configured for the lab's registry
 * (`internal`) and the lab's cluster (`lab`, allowlisting `namespace`), the catalog
 * holding `entities`. `api` calls it as a signed-in user; `audit` holds the audit events
 * logged so far.
 */
export async function startScaffolder(options: {
  reg: LabRegistry;
  k: LabKubernetes;
  namespace: string;
  entities?: JsonObject[];
}) {
  const { reg, k, namespace } = options;
  const audit = auditEvents();
  const { server } = await startTestBackend({
    features: [
      audit.factory,
      scaffolderPlugin,
      scaffolderModuleDiehard,
      catalogServiceMock.factory({ entities: (options.entities ?? []) as any }),
      mockServices.rootConfig.factory({
        data: {
          diehard: {
            registries: [registryEntry(reg)],
            apply: {
              clusters: [
                {
                  name: 'lab',
                  namespaces: [namespace],
                  kinds: ['Deployment', 'Service', 'PodDisruptionBudget'],
                },
              ],
            },
          },
          kubernetes: {
            clusterLocatorMethods: labClusterLocators(k),
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
  return { api, audit: audit.events };
}
