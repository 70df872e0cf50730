import { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { MessageLanguage } from '@diehard/plugin-ha-posture-common';
import { gitPushPermission } from '@diehard/plugin-scaffolder-diehard-common';
import { GitRemote } from '../config/gitServers';
import { initiatorMay } from '../permissions/initiatorMay';

const WORDS = {
  en: (user: string | undefined, url: string) =>
    `${user ?? 'the task initiator'} may not publish to ${url} (permission ${
      gitPushPermission.name
    }); nothing was pushed`,
  fr: (user: string | undefined, url: string) =>
    `${
      user ?? "l'initiateur de la tâche"
    } n'a pas le droit de publier vers ${url} (permission ${
      gitPushPermission.name
    }) ; rien n'a été poussé`,
} satisfies Record<MessageLanguage, unknown>;

/**
 * Refuses a task whose initiator may not publish to `remote`
 * (`diehard.git.push`, decided per repository by the permission policy).
 */
export async function assertMayPublish(
  permissions: PermissionsService,
  ctx: Pick<ActionContext<any, any>, 'getInitiatorCredentials' | 'user'>,
  remote: GitRemote,
  language: MessageLanguage,
): Promise<void> {
  const [allowed] = await initiatorMay(permissions, ctx, gitPushPermission, [
    remote.url,
  ]);
  if (!allowed) {
    throw new NotAllowedError(WORDS[language](ctx.user?.ref, remote.url));
  }
}
