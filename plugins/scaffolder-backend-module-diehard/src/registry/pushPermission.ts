import { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { MessageLanguage } from '@diehard/plugin-ha-posture-common';
import { imagePushPermission } from '@diehard/plugin-scaffolder-diehard-common';
import { initiatorMay } from '../permissions/initiatorMay';

const WORDS = {
  en: (user: string | undefined, target: string) =>
    `${user ?? 'the task initiator'} may not push to ${target} (permission ${
      imagePushPermission.name
    }); nothing was pushed`,
  fr: (user: string | undefined, target: string) =>
    `${
      user ?? "l'initiateur de la tâche"
    } n'a pas le droit de pousser vers ${target} (permission ${
      imagePushPermission.name
    }) ; rien n'a été poussé`,
} satisfies Record<MessageLanguage, unknown>;

/**
 * Refuses a task whose initiator may not push to `repository` of `registry`
 * (`diehard.image.push`, decided per repository by the permission policy).
 */
export async function assertMayPush(
  permissions: PermissionsService,
  ctx: Pick<ActionContext<any, any>, 'getInitiatorCredentials' | 'user'>,
  target: { registry: string; repository: string },
  language: MessageLanguage,
): Promise<void> {
  const [allowed] = await initiatorMay(permissions, ctx, imagePushPermission, [
    `${target.registry}/${target.repository}`,
  ]);
  if (!allowed) {
    throw new NotAllowedError(
      WORDS[language](ctx.user?.ref, `${target.registry}/${target.repository}`),
    );
  }
}
