import { ConfigReader } from '@backstage/config';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createKubernetesCheckTargetAction } from './kubernetesCheckTarget';
import { examples } from './kubernetesCheckTarget.examples';
import { permissionsAnswering } from '../__testUtils__/permissions';
import { runExample } from '../__testUtils__/runExample';
import { clusterConfig, labKubernetes } from '../__testUtils__/labKubernetes';

/** The template's parameters, as the form would fill them. */
const withParameters = (
  text: string,
  cluster: string,
  namespace: string,
  storageClass = 'nfs-ha',
) =>
  text
    .replace('${{ parameters.cluster }}', cluster)
    .replace('${{ parameters.namespace }}', namespace)
    .replace('${{ parameters.storageClass }}', storageClass)
    .replace('${{ parameters.name }}', 'todo')
    .replace('${{ parameters.host }}', `todo-${process.pid}.apps.example.org`);

describe('diehard:kubernetes:check-target examples', () => {
  const dir = createMockDirectory();
  let action: ReturnType<typeof createKubernetesCheckTargetAction>;

  beforeAll(async () => {
    // The lab's cluster, titled as app-config.lab.yaml titles it.
    const data = clusterConfig(await labKubernetes(), {
      namespaces: ['diehard-apps'],
    }).get() as any;
    data.kubernetes.clusterLocatorMethods[0].clusters[0].title = 'HA lab';
    action = createKubernetesCheckTargetAction({
      config: new ConfigReader(data),
      permissions: permissionsAnswering(AuthorizeResult.ALLOW),
    });
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
      await expect(
        runExample(
          withParameters(example.example, 'lab', 'diehard-apps', 'nfs-hq'),
          [action],
          dir.path,
        ),
      ).rejects.toThrow(
        /storage class "nfs-hq" does not exist on cluster "lab" \(HA lab\): choose one of its classes \(.*nfs-ha.*\)/,
      );
    },
  );
});
