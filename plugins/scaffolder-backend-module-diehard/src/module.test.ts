import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import scaffolderModuleDiehard from './index';

// Each test starts a backend: seconds on a loaded machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

describe('scaffolderModuleDiehard', () => {
  it('registers its actions with the scaffolder', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [
        scaffolderModuleDiehard,
        mockServices.rootConfig.factory({
          data: { diehard: { registries: [], apply: { clusters: [] } } },
        }),
      ],
    });
    const ids = addActions.mock.calls.flat().map((a: { id: string }) => a.id);
    expect(ids.sort()).toEqual([
      'diehard:catalog:check-name',
      'diehard:catalog:wait',
      'diehard:git:check-push',
      'diehard:git:push',
      'diehard:image:build',
      'diehard:image:check-build',
      'diehard:image:push',
      'diehard:kubernetes:apply',
      'diehard:kubernetes:check-target',
      'diehard:posture:gate',
    ]);
  });
});
