import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { ActionContext } from '@backstage/plugin-scaffolder-node';

/**
 * Which of `resourceRefs` the task's initiator holds `permission` on, asked with their
 * credentials in one request: an action acts for whoever started the task.
 */
export async function initiatorMay(
  permissions: PermissionsService,
  ctx: Pick<ActionContext<any, any>, 'getInitiatorCredentials'>,
  permission: ResourcePermission,
  resourceRefs: string[],
): Promise<boolean[]> {
  if (!resourceRefs.length) return [];
  const credentials = await ctx.getInitiatorCredentials();
  const decisions = await permissions.authorize(
    resourceRefs.map(resourceRef => ({ permission, resourceRef })),
    { credentials },
  );
  return decisions.map(d => d.result === AuthorizeResult.ALLOW);
}
