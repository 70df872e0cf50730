import { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { kubernetesApplyPermission } from '@diehard/plugin-scaffolder-diehard-common';

/**
 * Refuses a task whose initiator may not apply to `cluster`
 * (`diehard.kubernetes.apply`, decided per cluster by the permission policy).
 */
export async function assertMayApply(
  permissions: PermissionsService,
  ctx: Pick<ActionContext<any, any>, 'getInitiatorCredentials' | 'user'>,
  cluster: string,
): Promise<void> {
  const credentials = await ctx.getInitiatorCredentials();
  const [decision] = await permissions.authorize(
    [{ permission: kubernetesApplyPermission, resourceRef: cluster }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `${
        ctx.user?.ref ?? 'the task initiator'
      } may not apply to cluster "${cluster}" (permission ${
        kubernetesApplyPermission.name
      })`,
    );
  }
}
