import { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { kubernetesApplyPermission } from '@diehard/plugin-scaffolder-diehard-common';
import { TARGET_WORDS, TargetWords } from './targetWords';

/**
 * Refuses a task whose initiator may not apply to `cluster`
 * (`diehard.kubernetes.apply`, decided per cluster by the permission policy).
 */
export async function assertMayApply(
  permissions: PermissionsService,
  ctx: Pick<ActionContext<any, any>, 'getInitiatorCredentials' | 'user'>,
  cluster: string,
  words: TargetWords = TARGET_WORDS.en,
): Promise<void> {
  const credentials = await ctx.getInitiatorCredentials();
  const [decision] = await permissions.authorize(
    [{ permission: kubernetesApplyPermission, resourceRef: cluster }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      words.mayNotApply(ctx.user?.ref, cluster, kubernetesApplyPermission.name),
    );
  }
}
