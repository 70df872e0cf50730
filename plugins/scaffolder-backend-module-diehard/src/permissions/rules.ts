import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import {
  DIEHARD_CLUSTER_RESOURCE_TYPE,
  DIEHARD_IMAGE_REPOSITORY_RESOURCE_TYPE,
} from '@diehard/plugin-scaffolder-diehard-common';

/**
 * A cluster as permission rules see it.
 *
 * @public
 */
export interface ClusterResource {
  name: string;
}

/**
 * The module lives in the scaffolder plugin: conditions are evaluated there.
 *
 * @public
 */
export const clusterResourceRef = createPermissionResourceRef<
  ClusterResource,
  never
>().with({
  pluginId: 'scaffolder',
  resourceType: DIEHARD_CLUSTER_RESOURCE_TYPE,
});

/**
 * True when the cluster is one of `names`.
 *
 * @public
 */
export const isCluster = createPermissionRule({
  name: 'IS_CLUSTER',
  description: 'Allow when the target cluster is one of the given names',
  resourceRef: clusterResourceRef,
  paramsSchema: z.object({
    names: z.array(z.string()).describe('Cluster names'),
  }),
  apply: (cluster, { names }) => names.includes(cluster.name),
  toQuery: () => {
    throw new Error('IS_CLUSTER is only evaluated against a single cluster');
  },
});

/** @public */
export const clusterPermissionRules = [isCluster];

/**
 * For policies: `clusterConditions.isCluster({ names: ['staging'] })` with
 * `createClusterConditionalDecision(permission, …)`.
 *
 * @public
 */
export const {
  conditions: clusterConditions,
  createConditionalDecision: createClusterConditionalDecision,
} = createConditionExports({
  pluginId: 'scaffolder',
  resourceType: DIEHARD_CLUSTER_RESOURCE_TYPE,
  rules: { isCluster },
});

/**
 * An image repository as permission rules see it: the registry's name in
 * `diehard.registries` and the repository's path in it.
 *
 * @public
 */
export interface ImageRepositoryResource {
  registry: string;
  repository: string;
}

/** @public */
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

/** @public */
export const imageRepositoryPermissionRules = [isRepositoryUnder];

/**
 * For policies: `imageRepositoryConditions.isRepositoryUnder({ prefixes: ['apps'] })`
 * with `createImageRepositoryConditionalDecision(permission, …)`.
 *
 * @public
 */
export const {
  conditions: imageRepositoryConditions,
  createConditionalDecision: createImageRepositoryConditionalDecision,
} = createConditionExports({
  pluginId: 'scaffolder',
  resourceType: DIEHARD_IMAGE_REPOSITORY_RESOURCE_TYPE,
  rules: { isRepositoryUnder },
});
