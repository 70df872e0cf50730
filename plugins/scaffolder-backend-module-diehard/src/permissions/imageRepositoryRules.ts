import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { DIEHARD_IMAGE_REPOSITORY_RESOURCE_TYPE } from '@diehard/plugin-scaffolder-diehard-common';

/**
 * An image repository as permission rules see it: the registry's name in
 * `diehard.registries` and the repository's path in it.
 *
 * @public
 */
export interface ImageRepositoryResource {
  /** The registry's name in `diehard.registries`. */
  registry: string;
  /** The repository's path in it, such as `apps/shop`. */
  repository: string;
}

/**
 * The image repository resource, served by the scaffolder plugin.
 *
 * @public
 */
export const imageRepositoryResourceRef = createPermissionResourceRef<
  ImageRepositoryResource,
  never
>().with({
  pluginId: 'scaffolder',
  resourceType: DIEHARD_IMAGE_REPOSITORY_RESOURCE_TYPE,
});

/**
 * True when the repository is one of `prefixes` or lies under one (`apps` holds
 * `apps/shop` and `apps/shop/web`, not `apps-old`).
 *
 * @public
 */
export const isRepositoryUnder = createPermissionRule({
  name: 'IS_REPOSITORY_UNDER',
  description:
    'Allow when the image repository is one of the given paths or lies under one',
  resourceRef: imageRepositoryResourceRef,
  paramsSchema: z.object({
    prefixes: z
      .array(z.string())
      .describe('Repository paths, such as apps or teams/shop'),
  }),
  apply: ({ repository }, { prefixes }) =>
    prefixes.some(p => {
      const prefix = p.replace(/\/$/, '');
      return repository === prefix || repository.startsWith(`${prefix}/`);
    }),
  toQuery: () => {
    throw new Error(
      'IS_REPOSITORY_UNDER is only evaluated against a single repository',
    );
  },
});

/**
 * The rules of the image repository resource, for `permissionsRegistry.addResourceType`.
 *
 * @public
 */
export const imageRepositoryPermissionRules = [isRepositoryUnder];

const imageRepositoryConditionExports = createConditionExports({
  pluginId: 'scaffolder',
  resourceType: DIEHARD_IMAGE_REPOSITORY_RESOURCE_TYPE,
  rules: { isRepositoryUnder },
});

/**
 * For policies: `imageRepositoryConditions.isRepositoryUnder({ prefixes: ['apps'] })`,
 * with {@link createImageRepositoryConditionalDecision}.
 *
 * @public
 */
export const imageRepositoryConditions =
  imageRepositoryConditionExports.conditions;

/**
 * A conditional decision on `diehard.image.push`, which the scaffolder evaluates.
 *
 * @public
 */
export const createImageRepositoryConditionalDecision =
  imageRepositoryConditionExports.createConditionalDecision;
