import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createKubernetesCheckTargetAction } from './kubernetesCheckTarget';
import { permissionsAnswering } from '../__testUtils__/permissions';

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
            serviceAccountToken: 'secret-token',
          },
        ],
      },
    ],
  },
  diehard: {
    apply: {
      clusters: [
        { name: 'lab', namespaces: ['diehard-apps'], kinds: ['*'] },
        // Allowlisted but not declared to the Kubernetes plugin: not a target.
        { name: 'ghost', namespaces: ['diehard-apps'], kinds: ['*'] },
      ],
    },
  },
});

function run(
  input: { cluster: string; namespace?: string },
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const permissions = permissionsAnswering(result);
  const action = createKubernetesCheckTargetAction({ config, permissions });
  const ctx = createMockActionContext<any>({
    input,
    logger: mockServices.logger.mock(),
  });
  return {
    permissions,
    ctx,
    done: action.handler(ctx),
  };
}

describe('diehard:kubernetes:check-target', () => {
  it('lets an allowlisted cluster and namespace through and outputs the cluster title', async () => {
    const { ctx, done, permissions } = run({
      cluster: 'lab',
      namespace: 'diehard-apps',
    });
    await done;
    expect(ctx.output).toHaveBeenCalledWith('title', 'HA lab');
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'diehard.kubernetes.apply',
          }),
          resourceRef: 'lab',
        }),
      ],
      expect.anything(),
    );
  });

  it.each([
    [
      'an unknown cluster',
      { cluster: 'https://10.0.0.1:6443', namespace: 'diehard-apps' },
      'InputError',
      'cluster "https://10.0.0.1:6443" is not a cluster templates may deploy to (configured: lab; see diehard.apply.clusters)',
    ],
    [
      'a cluster allowlisted but not declared to the Kubernetes plugin',
      { cluster: 'ghost', namespace: 'diehard-apps' },
      'InputError',
      'cluster "ghost" is not a cluster templates may deploy to (configured: lab; see diehard.apply.clusters)',
    ],
    [
      'a namespace outside the allowlist',
      { cluster: 'lab', namespace: 'kube-system' },
      'InputError',
      'namespace "kube-system" is not allowed on cluster "lab" (allowed: diehard-apps)',
    ],
  ])('refuses %s, naming the field', async (_d, input, name, message) => {
    const { done, permissions } = run(input);
    await expect(done).rejects.toMatchObject({ name, message });
    expect(permissions.authorize).not.toHaveBeenCalled();
  });

  it('refuses a cluster the initiator may not apply to', async () => {
    const { done } = run(
      { cluster: 'lab', namespace: 'diehard-apps' },
      AuthorizeResult.DENY,
    );
    await expect(done).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringMatching(
        /^cluster "lab": .* may not deploy to it \(permission diehard\.kubernetes\.apply\)$/,
      ),
    });
  });
});
