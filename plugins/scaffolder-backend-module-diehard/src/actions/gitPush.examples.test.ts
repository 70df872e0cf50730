import yaml from 'yaml';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionsAnswering } from '../__testUtils__/permissions';
import { createGitPushAction } from './gitPush';
import { capturingLogger } from '@diehard/backend-test-utils';
import { examples } from './gitPush.examples';
import {
  gitConfig,
  httpGet,
  LabGit,
  labGit,
  uniqueOwner,
} from '../__testUtils__/labGit';

jest.setTimeout(120_000);

describe('diehard:git:push examples', () => {
  let git: LabGit;
  let owner: ReturnType<typeof uniqueOwner>;
  const workspace = createMockDirectory();

  beforeAll(async () => {
    git = await labGit();
    owner = uniqueOwner(git);
  });

  afterAll(() => owner?.remove());

  it.each(examples.map(e => [e.description, e] as const))(
    'runs: %s',
    async (_d, example) => {
      workspace.setContent({
        'catalog-info.yaml': 'kind: Component\n',
        'deploy/catalog-info.yaml': 'kind: Resource\n',
      });
      // What the scaffolder fills in: the configured base URL (under a folder of
      // this test's own) and the user who runs the template.
      const text = example.example
        .replaceAll(
          '${{ environment.parameters.gitBaseUrl }}/',
          `${git.url}/${owner.owner}-`,
        )
        .replaceAll('${{ user.entity.spec.profile.displayName }}', 'Ada')
        .replaceAll('${{ user.entity.spec.profile.email }}', 'ada@example.com');
      const [step, ...rest] = yaml.parse(text).steps;
      expect(step.action).toBe('diehard:git:push');
      const ctx = createMockActionContext<any>({
        input: step.input,
        workspacePath: workspace.path,
        logger: capturingLogger(),
      });
      await createGitPushAction({
        config: gitConfig(git),
        permissions: permissionsAnswering(AuthorizeResult.ALLOW),
      }).handler(ctx);
      const out = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
      expect(out.remoteUrl).toBe(step.input.remoteUrl);

      const catalogFile = await httpGet(out.catalogInfoUrl);
      expect(catalogFile.status).toBe(200);
      expect(catalogFile.body).toBe(
        step.input.sourcePath === 'deploy'
          ? 'kind: Resource\n'
          : 'kind: Component\n',
      );
      // A later catalog:register step is given exactly that URL.
      const registers = rest
        .filter((s: { action: string }) => s.action === 'catalog:register')
        .map(
          (s: { input: { catalogInfoUrl: string } }) => s.input.catalogInfoUrl,
        );
      expect(
        registers.every(
          (u: string) => u === '${{ steps.publish.output.catalogInfoUrl }}',
        ),
      ).toBe(true);
    },
  );
});
