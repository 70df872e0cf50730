import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionsAnswering } from '../__testUtils__/permissions';
import { createGitPushAction } from './gitPush';
import { capturingLogger } from '@diehard/backend-test-utils';
import { cloneLabRepo, labGitCli } from '@diehard/lab';
import {
  filesOf,
  gitConfig,
  httpGet,
  LabGit,
  labGit,
  uniqueOwner,
} from '../__testUtils__/labGit';

jest.setTimeout(120_000);

/** The error a promise rejects with; fails the test when it resolves. */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the action to fail, it succeeded');
}

describe('diehard:git:push against the lab git server', () => {
  let git: LabGit;
  let owner: ReturnType<typeof uniqueOwner>;
  const workspace = createMockDirectory();
  let clones: string;

  beforeAll(async () => {
    git = await labGit();
    owner = uniqueOwner(git);
    clones = await fsp.mkdtemp(path.join(os.tmpdir(), 'diehard-git-push-'));
  });

  afterAll(async () => {
    await owner?.remove();
    if (clones) await fsp.rm(clones, { recursive: true, force: true });
  });

  beforeEach(() =>
    workspace.setContent({
      'catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\n',
      'README.md': '# svc\n',
      'k8s/deployment.yaml': 'kind: Deployment\n',
      'src/main/webapp/WEB-INF/web.xml':
        '<web-app><distributable/></web-app>\n',
      // What the build step leaves in the workspace, kept out of the repository.
      '.gitignore': 'image/\n',
      'image/index.json': '{}\n',
    }),
  );

  function run(
    input: JsonObject,
    options: {
      config?: ReturnType<typeof gitConfig>;
      dryRun?: boolean;
      permissions?: ReturnType<typeof permissionsAnswering>;
    } = {},
  ) {
    const logger = capturingLogger();
    const ctx = createMockActionContext<any>({
      input,
      workspacePath: workspace.path,
      logger,
    });
    Object.assign(ctx, { isDryRun: options.dryRun ?? false, logger });
    const action = createGitPushAction({
      permissions:
        options.permissions ?? permissionsAnswering(AuthorizeResult.ALLOW),
      config:
        options.config ??
        gitConfig(
          git,
          {},
          {
            scaffolder: {
              defaultAuthor: {
                name: 'Diehard Portal',
                email: 'portal@example.com',
              },
            },
          },
        ),
    });
    const done = action.handler(ctx);
    return {
      done,
      logger,
      outputs: () => Object.fromEntries((ctx.output as jest.Mock).mock.calls),
    };
  }

  const secretsIn = (text: string) =>
    text.includes(git.password) ||
    text.includes(
      Buffer.from(`${git.username}:${git.password}`).toString('base64'),
    );

  it('publishes the workspace (but what .gitignore excludes): a clone has the same files, the commit and its author; the catalog file is served', async () => {
    const repo = `${owner.owner}/svc`;
    const r = run({
      remoteUrl: `${git.url}/${repo}.git`,
      commitMessage: 'Initial commit: svc',
    });
    await r.done;
    const out = r.outputs();
    expect(out.remoteUrl).toBe(`${git.url}/${repo}.git`);
    expect(out.catalogInfoUrl).toBe(
      `${git.url}/${repo}/raw/main/catalog-info.yaml`,
    );
    expect(out.repoContentsUrl).toBe(`${git.url}/${repo}/raw/main`);

    const clone = path.join(clones, 'svc');
    await cloneLabRepo(git, repo, clone);
    const { 'image/index.json': built, ...published } = await filesOf(
      workspace.path,
    );
    expect(built).toBe('{}\n');
    expect(await filesOf(clone)).toEqual(published);
    expect(Object.keys(published)).toContain('.gitignore');
    expect((await labGitCli(['rev-parse', 'HEAD'], clone)).trim()).toBe(
      out.commitHash,
    );
    expect(
      (await labGitCli(['log', '--format=%an <%ae>|%s'], clone)).trim(),
    ).toBe('Diehard Portal <portal@example.com>|Initial commit: svc');
    expect((await labGitCli(['branch', '--show-current'], clone)).trim()).toBe(
      'main',
    );

    const catalogFile = await httpGet(out.catalogInfoUrl);
    expect(catalogFile.status).toBe(200);
    expect(catalogFile.body).toContain('name: svc');

    expect(secretsIn(r.logger.text())).toBe(false);
    expect(secretsIn(JSON.stringify(out))).toBe(false);
    // The task log names no server path (the git helper logs the folder it works in).
    expect(r.logger.text()).toContain('Init git repository');
    expect(r.logger.text()).not.toContain(workspace.path);
  });

  it('publishes only sourcePath when given, on the branch asked for', async () => {
    const repo = `${owner.owner}/manifests`;
    const r = run({
      remoteUrl: `${git.url}/${repo}.git`,
      sourcePath: 'k8s',
      defaultBranch: 'release/1.0',
    });
    await r.done;
    const clone = path.join(clones, 'manifests');
    await cloneLabRepo(git, repo, clone);
    expect(await filesOf(clone)).toEqual({
      'deployment.yaml': 'kind: Deployment\n',
    });
    expect((await labGitCli(['branch', '--show-current'], clone)).trim()).toBe(
      'release/1.0',
    );
    expect(r.outputs().catalogInfoUrl).toBe(
      `${git.url}/${repo}/raw/release/1.0/catalog-info.yaml`,
    );
    expect(r.logger.text()).toMatch(/has no catalog-info\.yaml/);
  });

  it('refuses a second run with the same name and leaves the first commit in place', async () => {
    const repo = `${owner.owner}/twice`;
    const first = run({ remoteUrl: `${git.url}/${repo}.git` });
    await first.done;
    const firstHash = first.outputs().commitHash;

    await workspace.addContent({ 'README.md': '# changed\n' });
    const second = run({ remoteUrl: `${git.url}/${repo}.git` });
    await expect(second.done).rejects.toThrow(
      `${
        git.url
      }/${repo}.git already has a branch "main" (commit ${firstHash.slice(
        0,
        12,
      )})`,
    );
    const clone = path.join(clones, 'twice');
    await cloneLabRepo(git, repo, clone);
    expect((await labGitCli(['rev-parse', 'HEAD'], clone)).trim()).toBe(
      firstHash,
    );
    expect(await fsp.readFile(path.join(clone, 'README.md'), 'utf8')).toBe(
      '# svc\n',
    );
  });

  it('speaks French when language is fr: the missing catalog file, the push, the branch already there', async () => {
    const repo = `${owner.owner}/francais`;
    const remoteUrl = `${git.url}/${repo}.git`;
    const first = run({ remoteUrl, sourcePath: 'k8s', language: 'fr' });
    await first.done;
    const { commitHash } = first.outputs();
    expect(first.logger.lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'warn',
          message:
            "le dossier k8s n'a pas de catalog-info.yaml : catalogInfoUrl ne mènera à aucun fichier",
        }),
        expect.objectContaining({
          level: 'info',
          message: `branche « main » poussée vers ${remoteUrl} (commit ${commitHash.slice(
            0,
            12,
          )})`,
        }),
      ]),
    );

    const second = run({ remoteUrl, language: 'fr' });
    const error = await failure(second.done);
    expect(error.name).toBe('ConflictError');
    expect(error.message).toBe(
      `${remoteUrl} a déjà une branche « main » (commit ${commitHash.slice(
        0,
        12,
      )}) : choisissez un autre nom, ou supprimez d'abord ce dépôt ; rien n'a été poussé`,
    );

    const dry = run(
      { remoteUrl: `${git.url}/${owner.owner}/essai.git`, language: 'fr' },
      { dryRun: true },
    );
    await dry.done;
    expect(dry.logger.text()).toContain(
      `essai à blanc : pousserait l'espace de travail vers ${git.url}/${owner.owner}/essai.git comme branche « main »`,
    );
  });

  it("asks diehard.git.push for the remote with the task's credentials, and pushes nothing when refused", async () => {
    const repo = `${owner.owner}/denied`;
    const permissions = permissionsAnswering(AuthorizeResult.DENY);
    const r = run({ remoteUrl: `${git.url}/${repo}.git` }, { permissions });
    await expect(r.done).rejects.toThrow(
      `may not publish to ${git.url}/${repo}.git (permission diehard.git.push); nothing was pushed`,
    );
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'diehard.git.push' }),
          resourceRef: `${git.url}/${repo}.git`,
        },
      ],
      expect.anything(),
    );
    await expect(
      cloneLabRepo(git, repo, path.join(clones, 'denied')),
    ).rejects.toThrow();
  });

  it('refuses a remote on a server that is not configured, and creates nothing', async () => {
    const r = run({
      remoteUrl: `http://127.0.0.1:9/${owner.owner}/elsewhere.git`,
    });
    await expect(r.done).rejects.toThrow(
      `remoteUrl http://127.0.0.1:9/${owner.owner}/elsewhere.git is not on a git server declared in diehard.git.servers (configured: ${git.url})`,
    );
    const sameHostOtherPath = run({ remoteUrl: `${git.url}/only-owner.git` });
    await expect(sameHostOtherPath.done).rejects.toThrow(
      `remoteUrl ${git.url}/only-owner.git must be ${git.url}/<owner>/<name>.git`,
    );
  });

  it('refuses credentials in remoteUrl without repeating them', async () => {
    const u = new URL(`${git.url}/${owner.owner}/creds.git`);
    u.username = 'someone';
    u.password = 'typed-in-a-template';
    const r = run({ remoteUrl: u.toString() });
    const error = await failure(r.done);
    expect(error.message).toBe(
      `remoteUrl ${git.url}/${owner.owner}/creds.git must not carry credentials: they come from diehard.git.servers`,
    );
    await expect(
      fsp.stat(path.join(git.projectRoot, owner.owner, 'creds.git')),
    ).rejects.toThrow(/ENOENT/);
  });

  it('reports a wrong configured password clearly, without the password, and pushes nothing', async () => {
    const wrong = 'wrong-password-3f9a1c';
    const r = run(
      { remoteUrl: `${git.url}/${owner.owner}/denied.git` },
      { config: gitConfig(git, { password: wrong }) },
    );
    const error = await failure(r.done);
    expect(error.message).toBe(
      `git server ${git.url} refused the credentials of user "${git.username}" configured in diehard.git.servers; nothing was pushed`,
    );
    expect(r.logger.text()).not.toContain(wrong);
    expect(secretsIn(r.logger.text())).toBe(false);
    await expect(
      fsp.stat(path.join(git.projectRoot, owner.owner, 'denied.git')),
    ).rejects.toThrow(/ENOENT/);
  });

  it('in a dry run, pushes nothing and outputs where it would have pushed', async () => {
    const repo = `${owner.owner}/dry`;
    const r = run({ remoteUrl: `${git.url}/${repo}.git` }, { dryRun: true });
    await r.done;
    expect(r.outputs()).toEqual({
      remoteUrl: `${git.url}/${repo}.git`,
      repoContentsUrl: `${git.url}/${repo}/raw/main`,
      catalogInfoUrl: `${git.url}/${repo}/raw/main/catalog-info.yaml`,
      commitHash: '0'.repeat(40),
    });
    await expect(
      fsp.stat(path.join(git.projectRoot, owner.owner, 'dry.git')),
    ).rejects.toThrow(/ENOENT/);
    await expect(fsp.stat(path.join(workspace.path, '.git'))).rejects.toThrow(
      /ENOENT/,
    );
  });
});
