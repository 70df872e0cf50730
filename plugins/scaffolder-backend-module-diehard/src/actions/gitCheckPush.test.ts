import yaml from 'yaml';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { capturingLogger } from '@diehard/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionsAnswering } from '../__testUtils__/permissions';
import { createGitCheckPushAction } from './gitCheckPush';
import { createGitPushAction } from './gitPush';
import { examples } from './gitCheckPush.examples';
import {
  gitConfig,
  LabGit,
  labGit,
  uniqueOwner,
} from '../__testUtils__/labGit';

jest.setTimeout(120_000);

describe('diehard:git:check-push against the lab git server', () => {
  let git: LabGit;
  let owner: ReturnType<typeof uniqueOwner>;
  const workspace = createMockDirectory({
    content: { 'catalog-info.yaml': 'kind: Component\n' },
  });

  beforeAll(async () => {
    git = await labGit();
    owner = uniqueOwner(git);
  });

  afterAll(() => owner?.remove());

  function run(
    action: 'check' | 'push',
    input: JsonObject,
    config = gitConfig(git),
    permissions = permissionsAnswering(AuthorizeResult.ALLOW),
  ) {
    const logger = capturingLogger();
    const ctx = createMockActionContext<any>({
      input,
      workspacePath: workspace.path,
      logger,
    });
    Object.assign(ctx, { logger });
    const created =
      action === 'check'
        ? createGitCheckPushAction({ config, permissions })
        : createGitPushAction({ config, permissions });
    return { done: created.handler(ctx), logger };
  }

  it('refuses, before the run builds anything, a user the policy does not let publish there', async () => {
    const remoteUrl = `${git.url}/${owner.owner}/closed.git`;
    await expect(
      run(
        'check',
        { remoteUrl, language: 'fr' },
        gitConfig(git),
        permissionsAnswering(AuthorizeResult.DENY),
      ).done,
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        `n'a pas le droit de publier vers ${remoteUrl} (permission diehard.git.push)`,
      ),
    });
  });

  it('lets a new repository through, and refuses, before the run builds anything, a name already published', async () => {
    const remoteUrl = `${git.url}/${owner.owner}/shop.git`;
    const first = run('check', { remoteUrl });
    await first.done;
    expect(first.logger.text()).toContain(
      `publish: ${remoteUrl} has no branch "main" yet`,
    );

    await run('push', { remoteUrl }).done;
    await expect(run('check', { remoteUrl }).done).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(
        new RegExp(
          `^${remoteUrl.replace(
            /[.]/g,
            '\\.',
          )} already has a branch "main" \\(commit [0-9a-f]{12}\\): choose another name, or delete that repository first; nothing was built or deployed$`,
        ),
      ),
    });
    await expect(
      run('check', { remoteUrl, language: 'fr' }).done,
    ).rejects.toMatchObject({
      message: expect.stringContaining(
        `${remoteUrl} a déjà une branche « main »`,
      ),
    });
    await run('check', { remoteUrl, defaultBranch: 'next' }).done;
  });

  it('refuses what the push would: a server not configured, a bad branch, a wrong password', async () => {
    const other = `http://127.0.0.1:9/${owner.owner}/elsewhere.git`;
    await expect(run('check', { remoteUrl: other }).done).rejects.toThrow(
      `remoteUrl ${other} is not on a git server declared in diehard.git.servers (configured: ${git.url})`,
    );
    await expect(
      run('check', {
        remoteUrl: `${git.url}/${owner.owner}/x.git`,
        defaultBranch: '../main',
      }).done,
    ).rejects.toThrow('defaultBranch "../main" is not a branch name');
    const wrong = 'wrong-password-77e1';
    const denied = run(
      'check',
      { remoteUrl: `${git.url}/${owner.owner}/denied.git` },
      gitConfig(git, { password: wrong }),
    );
    await expect(denied.done).rejects.toThrow(
      `git server ${git.url} refused the credentials of user "${git.username}" configured in diehard.git.servers`,
    );
    expect(denied.logger.text()).not.toContain(wrong);
  });

  it.each(examples.map(e => [e.description, e] as const))(
    'runs its example: %s',
    async (_d, example) => {
      const [step] = yaml.parse(example.example).steps;
      expect(step.action).toBe('diehard:git:check-push');
      // What the scaffolder fills in.
      const fill = (v: string) =>
        v
          .replaceAll('${{ environment.parameters.gitBaseUrl }}', git.url)
          .replaceAll('${{ parameters.repoOwner }}', owner.owner)
          .replaceAll('${{ parameters.name }}', 'example')
          .replaceAll('${{ parameters.language }}', 'fr');
      step.input = Object.fromEntries(
        Object.entries(step.input as Record<string, string>).map(([k, v]) => [
          k,
          fill(v),
        ]),
      );
      const r = run('check', step.input);
      await r.done;
      expect(r.logger.text()).toContain(
        `publication : ${git.url}/${owner.owner}/example.git n'a pas encore de branche « main »`,
      );
    },
  );
});
