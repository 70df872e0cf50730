import { Config } from '@backstage/config';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { kubernetesProxyPermission } from '@backstage/plugin-kubernetes-common';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createScaffolderTaskConditionalDecision,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import { taskCancelPermission } from '@backstage/plugin-scaffolder-common/alpha';
import {
  handoffReviewPermissions,
  handoffReviewReadPermission,
  opsGroupsFromConfig,
} from '@diehard/plugin-handoff-review-common';
import {
  haPostureReadPermission,
  haPostureRefreshPermission,
  RESTRICTED_ANNOTATION,
} from '@diehard/plugin-ha-posture-common';
import {
  clusterConditions,
  createClusterConditionalDecision,
  createImageRepositoryConditionalDecision,
  imageRepositoryConditions,
} from '@diehard/plugin-scaffolder-backend-module-diehard';
import {
  imagePushPermission,
  kubernetesApplyPermission,
} from '@diehard/plugin-scaffolder-diehard-common';

/** Entities with this annotation set to "true" are read only by their owners and Ops. */
export { RESTRICTED_ANNOTATION };

/** @public */
export interface DiehardPolicyOptions {
  /** Groups that act for Ops (`handoffReview.opsGroup`). */
  opsGroups: string[];
  /** `diehard.apply.clusters`: each cluster and, optionally, the groups that may apply there. */
  applyClusters: Array<{ name: string; groups?: string[] }>;
  /**
   * `diehard.push.repositories`: where `diehard:image:push` may write, and optionally
   * who (Ops: anywhere). Default: everyone under `apps`.
   */
  pushRepositories?: Array<{ prefix: string; groups?: string[] }>;
}

const DEFAULT_PUSH_REPOSITORIES: Array<{ prefix: string; groups?: string[] }> =
  [{ prefix: 'apps' }];

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * Diehard's default policy. Anonymous requests are refused. Services never reach a
 * policy in Backstage (their token's access restrictions decide). For signed-in users:
 * Backstage's usual catalog rules (read, delete and refresh an entity you own), the
 * handoff-review and posture rules (reading a review's state and a posture as the
 * entity itself; changing them for the owner group or Ops, as catalog conditions the
 * catalog evaluates), `diehard.kubernetes.apply` per cluster and
 * `diehard.image.push` per repository (Ops anywhere, others under the configured paths).
 * Only Ops may use the Kubernetes proxy (`kubernetes.proxy`, which reaches the
 * clusters with the portal's own credentials) and delete catalog locations; a
 * scaffolder task is cancelled by its creator or Ops.
 * Anything else is allowed to signed-in users (templates, search, Kubernetes
 * objects…).
 *
 * @public
 */
export class DiehardPermissionPolicy implements PermissionPolicy {
  static fromConfig(config: Config): DiehardPermissionPolicy {
    return new DiehardPermissionPolicy({
      opsGroups: opsGroupsFromConfig(config),
      applyClusters: (
        config.getOptionalConfigArray('diehard.apply.clusters') ?? []
      ).map(c => ({
        name: c.getString('name'),
        groups: c.getOptionalStringArray('groups'),
      })),
      pushRepositories: config
        .getOptionalConfigArray('diehard.push.repositories')
        ?.map(c => ({
          prefix: c.getString('prefix'),
          groups: c.getOptionalStringArray('groups'),
        })),
    });
  }

  constructor(private readonly options: DiehardPolicyOptions) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!user) return DENY;
    const claims = user.info.ownershipEntityRefs;
    const isOps = this.options.opsGroups.some(g => claims.includes(g));
    const { permission } = request;

    const owned = (p: ResourcePermission<'catalog-entity'>) =>
      createCatalogConditionalDecision(
        p,
        catalogConditions.isEntityOwner({ claims }),
      );
    const ownedOrOps = (p: ResourcePermission<'catalog-entity'>) =>
      isOps ? ALLOW : owned(p);
    // Readable unless restricted; a restricted entity only by its owners (and Ops).
    const readable = (p: ResourcePermission<'catalog-entity'>) =>
      isOps
        ? ALLOW
        : createCatalogConditionalDecision(p, {
            anyOf: [
              {
                not: catalogConditions.hasAnnotation({
                  annotation: RESTRICTED_ANNOTATION,
                  value: 'true',
                }),
              },
              catalogConditions.isEntityOwner({ claims }),
            ],
          });

    if (isPermission(permission, catalogEntityReadPermission)) {
      return readable(permission);
    }
    if (
      isPermission(permission, catalogEntityDeletePermission) ||
      isPermission(permission, catalogEntityRefreshPermission)
    ) {
      return owned(permission);
    }
    if (isPermission(permission, handoffReviewReadPermission)) {
      return readable(permission);
    }
    // Which side an item or a sign-off belongs to is checked by the review backend
    // itself: here, the entity's owner group or Ops.
    if (handoffReviewPermissions.some(p => isPermission(permission, p))) {
      return ownedOrOps(permission as ResourcePermission<'catalog-entity'>);
    }
    if (isResourcePermission(permission, 'catalog-entity')) {
      if (isPermission(permission, haPostureReadPermission))
        return readable(permission);
      if (isPermission(permission, haPostureRefreshPermission))
        return ownedOrOps(permission);
    }
    // An entry of the configuration that names no groups is open to everyone.
    const openToUser = (entry: { groups?: string[] }) =>
      !entry.groups || entry.groups.some(g => claims.includes(g));
    if (isPermission(permission, kubernetesApplyPermission)) {
      const names = this.options.applyClusters
        .filter(openToUser)
        .map(c => c.name);
      if (!names.length) return DENY;
      return createClusterConditionalDecision(
        permission,
        clusterConditions.isCluster({ names }),
      );
    }
    if (isPermission(permission, imagePushPermission)) {
      if (isOps) return ALLOW;
      const prefixes = (
        this.options.pushRepositories ?? DEFAULT_PUSH_REPOSITORIES
      )
        .filter(openToUser)
        .map(r => r.prefix);
      if (!prefixes.length) return DENY;
      return createImageRepositoryConditionalDecision(
        permission,
        imageRepositoryConditions.isRepositoryUnder({ prefixes }),
      );
    }
    if (
      isPermission(permission, kubernetesProxyPermission) ||
      isPermission(permission, catalogLocationDeletePermission)
    ) {
      return isOps ? ALLOW : DENY;
    }
    if (isPermission(permission, taskCancelPermission)) {
      return isOps
        ? ALLOW
        : createScaffolderTaskConditionalDecision(
            permission,
            scaffolderTaskConditions.isTaskOwner({
              createdBy: [user.info.userEntityRef],
            }),
          );
    }
    return ALLOW;
  }
}
