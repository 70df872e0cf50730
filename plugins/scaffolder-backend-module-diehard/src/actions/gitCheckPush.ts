import { PermissionsService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  MessageLanguage,
  messageLanguage,
} from '@diehard/plugin-ha-posture-common';
import { GitServerDirectory } from '../config/gitServers';
import { branchName } from '../git/branchName';
import { GIT_WORDS } from '../git/gitWords';
import { assertMayPublish } from '../git/pushPermission';
import { remoteBranches } from '../git/remoteBranches';
import { examples } from './gitCheckPush.examples';
import { languageInput } from './languageInput';

/** @public */
export interface GitCheckPushActionOptions {
  config: Config;
  /** Asked `diehard.git.push` for the task's initiator, before anything is pushed. */
  permissions: PermissionsService;
}

/** What the check says to the template's user, in each language the portal speaks. */
const WORDS = {
  en: {
    taken: (url: string, branch: string, commit: string) =>
      `${GIT_WORDS.en.taken(
        url,
        branch,
        commit,
      )}; nothing was built or deployed`,
    free: (url: string, branch: string) =>
      `publish: ${url} has no branch "${branch}" yet; the server answers with its credentials`,
  },
  fr: {
    taken: (url: string, branch: string, commit: string) =>
      `${GIT_WORDS.fr.taken(
        url,
        branch,
        commit,
      )} ; rien n'a été construit ni déployé`,
    free: (url: string, branch: string) =>
      `publication : ${url} n'a pas encore de branche « ${branch} » ; le serveur répond avec ses identifiants`,
  },
} satisfies Record<MessageLanguage, unknown>;

/**
 * `diehard:git:check-push`: refuses, before anything is built, pushed or applied, what
 * `diehard:git:push` would refuse at the end of the run: a repository that already has
 * the branch (a second run with the same name), a remote on no server of
 * `diehard.git.servers`, a server that does not answer or refuses its credentials.
 * Pushes nothing.
 *
 * @public
 */
export function createGitCheckPushAction(options: GitCheckPushActionOptions) {
  const servers = GitServerDirectory.fromConfig(options.config);
  return createTemplateAction({
    id: 'diehard:git:check-push',
    description:
      'Checks that diehard:git:push will be able to publish: the remote is on a server of diehard.git.servers, the server answers with its credentials, and the branch does not exist yet. Pushes nothing: a first step of a publishing template',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        remoteUrl: z =>
          z
            .string()
            .min(1)
            .describe(
              'Repository URL <baseUrl>/<owner>/<name>.git, as given to diehard:git:push',
            ),
        defaultBranch: z =>
          z
            .string()
            .default('main')
            .describe('Branch diehard:git:push will create (default: main)'),
        language: languageInput,
      },
    },
    async handler(ctx) {
      const language = messageLanguage(ctx.input.language);
      const words = WORDS[language];
      const remote = servers.resolve(ctx.input.remoteUrl);
      await assertMayPublish(options.permissions, ctx, remote, language);
      const branch = branchName(ctx.input.defaultBranch ?? 'main');
      const existing = (await remoteBranches(remote)).get(branch);
      if (existing)
        throw new ConflictError(
          words.taken(remote.url, branch, existing.slice(0, 12)),
        );
      ctx.logger.info(words.free(remote.url, branch));
    },
  });
}
