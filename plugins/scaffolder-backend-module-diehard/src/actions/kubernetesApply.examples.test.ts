import yaml from 'yaml';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createKubernetesApplyAction } from './kubernetesApply';
import { examples } from './kubernetesApply.examples';
import {
  adminClient,
  LabKubernetes,
  clusterConfig,
  labKubernetes,
  uniqueName,
} from '../__testUtils__/labKubernetes';
import { permissionsAnswering } from '../__testUtils__/permissions';
import { runExample } from '../__testUtils__/runExample';

jest.setTimeout(300_000);

describe('diehard:kubernetes:apply examples', () => {
  let k: LabKubernetes;
  const mockDir = createMockDirectory();

  beforeAll(async () => {
    k = await labKubernetes();
  });

  it.each(examples.map(e => [e.description, e] as const))(
    'runs: %s',
    async (_d, example) => {
      mockDir.clear();
      const name = uniqueName('example');
      const labels = { app: name };
      mockDir.setContent({
        'manifests/app.yaml': [
          {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name },
            spec: { selector: labels, ports: [{ port: 80 }] },
          },
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name },
            spec: {
              replicas: 1,
              selector: { matchLabels: labels },
              template: {
                metadata: { labels },
                spec: {
                  containers: [{ name: 'app', image: 'team/petclinic:1.0' }],
                },
              },
            },
          },
        ]
          .map(o => yaml.stringify(o))
          .join('---\n'),
      });
      const permissions = permissionsAnswering(AuthorizeResult.ALLOW);
      const action = createKubernetesApplyAction({
        config: clusterConfig(k, { namespaces: ['diehard-apps'] }),
        permissions,
      });
      // The push step the second example refers to.
      const text = example.example.replace(
        '${{ steps.push.output.reference }}',
        `localhost:5000/team/petclinic@sha256:${'e'.repeat(64)}`,
      );
      // The lab is shared (other suites take zones down): bound the rollout wait
      // below the test's own timeout so a slow rollout fails with its reason.
      const doc = yaml.parse(text);
      for (const step of doc.steps) step.input.timeoutSeconds ??= 120;
      const outputs = await runExample(
        yaml.stringify(doc),
        [action],
        mockDir.path,
      );
      expect(outputs.apply.objects).toHaveLength(2);
      const admin = adminClient(k);
      try {
        await admin.delete({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name, namespace: 'diehard-apps' },
        });
        await admin.delete({
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name, namespace: 'diehard-apps' },
        });
      } finally {
        admin.close();
      }
    },
  );
});
