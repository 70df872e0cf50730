import fsp from 'node:fs/promises';
import path from 'node:path';
import {
  PermissionsService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  ConflictError,
  InputError,
  isError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  createTemplateAction,
  initRepoAndPush,
} from '@backstage/plugin-scaffolder-node';
import {
  MessageLanguage,
  messageLanguage,
} from '@diehard/plugin-ha-posture-common';
import { GitServerDirectory, rawUrlOf } from '../config/gitServers';
import { branchName } from '../git/branchName';
import { GIT_WORDS } from '../git/gitWords';
import { assertMayPublish } from '../git/pushPermission';
import { remoteBranches } from '../git/remoteBranches';
import { withoutServerPath } from '../git/withoutServerPath';
import { examples } from './gitPush.examples';
import { languageInput } from './languageInput';

/** @public */
export interface GitPushActionOptions {
  config: Config;
  /** Asked `diehard.git.push` for the task's initiator, before anything is pushed. */
  permissions: PermissionsService;
}

const CATALOG_FILE = 'catalog-info.yaml';

/** What the push says to the template's user, in each language the portal speaks. */
const WORDS = {
  en: {
    notAFolder: (sourcePath: string) =>
      `sourcePath ${sourcePath} is not a folder of the workspace`,
    noCatalogFile: (sourcePath: string | undefined) =>
      `${
        sourcePath ?? 'the workspace'
      } has no ${CATALOG_FILE}: catalogInfoUrl will not resolve`,
    dryRun: (sourcePath: string | undefined, url: string, branch: string) =>
      `dry run: would push ${
        sourcePath ?? 'the workspace'
      } to ${url} as branch ${branch}`,
    taken: (url: string, branch: string, commit: string) =>
      `${GIT_WORDS.en.taken(url, branch, commit)}; nothing was pushed`,
    appeared: (url: string, branch: string, message: string) =>
      `${url}: the server refused the push of branch "${branch}", which appeared meanwhile; nothing was overwritten (${message})`,
    failed: (url: string, message: string) =>
      `git push to ${url} failed: ${message}`,
    pushed: (url: string, branch: string, commit: string) =>
      `pushed branch "${branch}" to ${url} (commit ${commit.slice(0, 12)})`,
  },
  fr: {
    notAFolder: (sourcePath: string) =>
      `sourcePath ${sourcePath} n'est pas un dossier de l'espace de travail`,
    noCatalogFile: (sourcePath: string | undefined) =>
      `${
        sourcePath ? `le dossier ${sourcePath}` : "l'espace de travail"
      } n'a pas de ${CATALOG_FILE} : catalogInfoUrl ne mènera à aucun fichier`,
    dryRun: (sourcePath: string | undefined, url: string, branch: string) =>
      `essai à blanc : pousserait ${
        sourcePath ? `le dossier ${sourcePath}` : "l'espace de travail"
      } vers ${url} comme branche « ${branch} »`,
    taken: (url: string, branch: string, commit: string) =>
      `${GIT_WORDS.fr.taken(url, branch, commit)} ; rien n'a été poussé`,
    appeared: (url: string, branch: string, message: string) =>
      `${url} : le serveur a refusé de pousser la branche « ${branch} », apparue entre-temps ; rien n'a été écrasé (${message})`,
    failed: (url: string, message: string) =>
      `le push git vers ${url} a échoué : ${message}`,
    pushed: (url: string, branch: string, commit: string) =>
      `branche « ${branch} » poussée vers ${url} (commit ${commit.slice(
        0,
        12,
      )})`,
  },
} satisfies Record<MessageLanguage, unknown>;

/**
 * `diehard:git:push`: publishes a workspace folder as the first commit of a new
 * branch (a new repository, usually) on a git server declared in
 * `diehard.git.servers`, over smart HTTP with that server's credentials. An existing
 * branch is never overwritten.
 *
 * @public
 */
export function createGitPushAction(options: GitPushActionOptions) {
  const servers = GitServerDirectory.fromConfig(options.config);
  const defaultAuthor = {
    name: options.config.getOptionalString('scaffolder.defaultAuthor.name'),
    email: options.config.getOptionalString('scaffolder.defaultAuthor.email'),
  };
  const defaultMessage =
    options.config.getOptionalString('scaffolder.defaultCommitMessage') ??
    'Initial commit';

  return createTemplateAction({
    id: 'diehard:git:push',
    description:
      'Pushes a workspace folder as the first commit of a branch to a git server declared in diehard.git.servers (smart HTTP); never overwrites an existing branch',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        remoteUrl: z =>
          z
            .string()
            .min(1)
            .describe(
              'Repository URL <baseUrl>/<owner>/<name>.git on a server of diehard.git.servers (no credentials)',
            ),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace folder to publish (default: the whole workspace)',
            ),
        defaultBranch: z =>
          z
            .string()
            .default('main')
            .describe('Branch to create (default: main)'),
        commitMessage: z =>
          z
            .string()
            .optional()
            .describe(
              'Message of the commit (default: scaffolder.defaultCommitMessage, else "Initial commit")',
            ),
        gitAuthorName: z =>
          z
            .string()
            .optional()
            .describe(
              'Author of the commit (default: scaffolder.defaultAuthor.name)',
            ),
        gitAuthorEmail: z =>
          z
            .string()
            .optional()
            .describe(
              "Author's e-mail (default: scaffolder.defaultAuthor.email)",
            ),
        language: languageInput,
      },
      output: {
        remoteUrl: z =>
          z.string().describe('The repository URL, without credentials'),
        repoContentsUrl: z =>
          z.string().describe('Raw URL of the root of the pushed branch'),
        commitHash: z => z.string().describe('The commit that was pushed'),
        catalogInfoUrl: z =>
          z
            .string()
            .describe(
              'Raw URL of catalog-info.yaml on the pushed branch (for catalog:register)',
            ),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const language = messageLanguage(input.language);
      const words = WORDS[language];
      const remote = servers.resolve(input.remoteUrl);
      await assertMayPublish(options.permissions, ctx, remote, language);
      const branch = branchName(input.defaultBranch ?? 'main');
      const dir = resolveSafeChildPath(
        ctx.workspacePath,
        input.sourcePath ?? '.',
      );
      const sourceStat = await fsp.stat(dir).catch(() => undefined);
      if (!sourceStat?.isDirectory()) {
        throw new InputError(words.notAFolder(input.sourcePath ?? '.'));
      }
      const hasCatalogFile = await fsp
        .access(path.join(dir, CATALOG_FILE))
        .then(
          () => true,
          () => false,
        );
      if (!hasCatalogFile) {
        ctx.logger.warn(words.noCatalogFile(input.sourcePath));
      }
      const outputs = () => {
        ctx.output('remoteUrl', remote.url);
        ctx.output(
          'repoContentsUrl',
          rawUrlOf(remote, branch, '').replace(/(?<!\/)\/+$/, ''),
        );
        ctx.output('catalogInfoUrl', rawUrlOf(remote, branch, CATALOG_FILE));
      };

      if (ctx.isDryRun) {
        ctx.logger.info(words.dryRun(input.sourcePath, remote.url, branch));
        outputs();
        ctx.output('commitHash', '0'.repeat(40));
        return;
      }

      // A task resumed after this step pushed gets the same commit back instead of a
      // refusal of its own branch.
      const commitHash = await ctx.checkpoint({
        key: `diehard.git.push.${remote.url}#${branch}`,
        fn: async (): Promise<string> => {
          const existing = (await remoteBranches(remote)).get(branch);
          if (existing) {
            throw new ConflictError(
              words.taken(remote.url, branch, existing.slice(0, 12)),
            );
          }

          const { username, password } = remote.server;
          try {
            const pushed = await initRepoAndPush({
              dir,
              remoteUrl: remote.url,
              auth: { username, password },
              logger: withoutServerPath(ctx.logger, dir),
              defaultBranch: branch,
              commitMessage: input.commitMessage ?? defaultMessage,
              gitAuthorInfo: {
                name: input.gitAuthorName ?? defaultAuthor.name,
                email: input.gitAuthorEmail ?? defaultAuthor.email,
              },
            });
            return pushed.commitHash;
          } catch (e) {
            const message = servers.mask(isError(e) ? e.message : String(e));
            if (
              /not-fast-forward|non-fast-forward|PushRejected/i.test(message)
            ) {
              throw new ConflictError(
                words.appeared(remote.url, branch, message),
              );
            }
            throw new ServiceUnavailableError(
              words.failed(remote.url, message),
            );
          }
        },
      });
      ctx.logger.info(words.pushed(remote.url, branch, commitHash));
      outputs();
      ctx.output('commitHash', commitHash);
    },
  });
}
