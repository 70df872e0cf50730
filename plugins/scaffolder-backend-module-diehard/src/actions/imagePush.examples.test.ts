import path from 'node:path';
import yaml from 'yaml';
import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { writeRandomImage } from '@diehard/plugin-container-images-node/testUtils';
import { createImagePushAction } from './imagePush';
import { examples } from './imagePush.examples';
import { useLabRegistry } from '../__testUtils__/labRegistry';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionsAnswering } from '../__testUtils__/permissions';

jest.setTimeout(60_000);

describe('diehard:image:push examples', () => {
  const lab = useLabRegistry();
  const { mockDir } = lab;

  beforeAll(async () => {
    await writeRandomImage(path.join(mockDir.path, 'image'), {
      layerSizes: [50_000, 20_000],
    });
  });

  it.each(examples.map(e => [e.description, e] as const))(
    'runs: %s',
    async (_d, example) => {
      const step = yaml.parse(example.example).steps[0];
      expect(step.action).toBe('diehard:image:push');
      const action = createImagePushAction({
        registries: lab.registries(),
        permissions: permissionsAnswering(AuthorizeResult.ALLOW),
      });
      const ctx = createMockActionContext({
        input: step.input,
        workspacePath: mockDir.path,
        logger: mockServices.logger.mock(),
      });
      await action.handler(ctx);
      const out = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
      expect(out.reference).toMatch(
        new RegExp(
          `^${lab.reg.host.replace(/\./g, '\\.')}/${
            step.input.repository
          }@sha256:[a-f0-9]{64}$`,
        ),
      );
    },
  );
});
