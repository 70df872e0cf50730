import { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { kubernetesApplyPermission } from '@diehard/plugin-scaffolder-diehard-common';
import { initiatorMay } from '../permissions/initiatorMay';
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
  const [allowed] = await initiatorMay(
    permissions,
    ctx,
    kubernetesApplyPermission,
    [cluster],
  );
  if (!allowed) {
    throw new NotAllowedError(
      words.mayNotApply(ctx.user?.ref, cluster, kubernetesApplyPermission.name),
    );
  }
}

/**
 * The clusters among `names` the task's initiator may apply to: what an error may list
 * without telling anyone of the clusters (and their namespaces) closed to them.
 */
export async function clustersOpenTo(
  permissions: PermissionsService,
  ctx: Pick<ActionContext<any, any>, 'getInitiatorCredentials'>,
  names: string[],
): Promise<string[]> {
  const allowed = await initiatorMay(
    permissions,
    ctx,
    kubernetesApplyPermission,
    names,
  );
  return names.filter((_n, i) => allowed[i]);
}
