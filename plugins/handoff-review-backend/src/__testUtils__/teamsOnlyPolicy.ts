import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { moduleUsing } from '@diehard/backend-test-utils';
import { handoffReviewWaivePermission } from '@diehard/plugin-handoff-review-common';

/**
 * The example policy of the README: handoff reviews are for the two teams (opening,
 * answering, waiving, signing off), and only the Ops team waives. Other permissions
 * are allowed.
 */
export class TeamsOnlyPolicy implements PermissionPolicy {
  constructor(
    private readonly teams = {
      dev: 'group:default/dev-team',
      ops: 'group:default/ops-team',
    },
  ) {}

  async handle(request: PolicyQuery, user?: PolicyQueryUser) {
    if (!request.permission.name.startsWith('handoff-review.')) {
      return { result: AuthorizeResult.ALLOW } as const;
    }
    const groups = user?.info.ownershipEntityRefs ?? [];
    const isOps = groups.includes(this.teams.ops);
    const isDev = groups.includes(this.teams.dev);
    if (isPermission(request.permission, handoffReviewWaivePermission)) {
      return {
        result: isOps ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      } as const;
    }
    return {
      result: isOps || isDev ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
    } as const;
  }
}

/** Installs {@link TeamsOnlyPolicy} in the permission backend. */
export const teamsOnlyPolicyModule = moduleUsing(
  'permission',
  'handoff-review-teams-only',
  policyExtensionPoint,
  policy => policy.setPolicy(new TeamsOnlyPolicy()),
);
