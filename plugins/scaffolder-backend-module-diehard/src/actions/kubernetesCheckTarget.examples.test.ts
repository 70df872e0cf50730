import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createKubernetesCheckTargetAction } from './kubernetesCheckTarget';
import { examples } from './kubernetesCheckTarget.examples';
import { permissionsAnswering } from '../__testUtils__/permissions';
import { runExample } from '../__testUtils__/runExample';

const config = new ConfigReader({
  kubernetes: {
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          {
            name: 'lab',
            title: 'HA lab',
            url: 'https://127.0.0.1:16443',
            authProvider: 'serviceAccount',
            serviceAccountToken: 't',
          },
        ],
      },
    ],
  },
  diehard: {
    apply: {
      clusters: [{ name: 'lab', namespaces: ['diehard-apps'], kinds: ['*'] }],
    },
  },
});

/** The template's parameters, as the form would fill them. */
const withParameters = (text: string, cluster: string, namespace: string) =>
  text
    .replace('${{ parameters.cluster }}', cluster)
    .replace('${{ parameters.namespace }}', namespace);

describe('diehard:kubernetes:check-target examples', () => {
  const dir = createMockDirectory();
  const action = createKubernetesCheckTargetAction({
    config,
    permissions: permissionsAnswering(AuthorizeResult.ALLOW),
  });

  it.each(examples.map(e => [e.description, e] as const))(
    'runs: %s',
    async (_d, example) => {
      const outputs = await runExample(
        withParameters(example.example, 'lab', 'diehard-apps'),
        [action],
        dir.path,
      );
      expect(outputs.target.title).toBe('HA lab');
      await expect(
        runExample(
          withParameters(example.example, 'lab', 'kube-system'),
          [action],
          dir.path,
        ),
      ).rejects.toThrow('namespace "kube-system" is not allowed');
    },
  );
});
