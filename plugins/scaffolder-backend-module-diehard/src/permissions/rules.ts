import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import {
  DIEHARD_CLUSTER_RESOURCE_TYPE,
  DIEHARD_GIT_REPOSITORY_RESOURCE_TYPE,
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

/**
 * The rules of the cluster resource, for `permissionsRegistry.addResourceType`.
 *
 * @public
 */
export const clusterPermissionRules = [isCluster];

const clusterConditionExports = createConditionExports({
  pluginId: 'scaffolder',
  resourceType: DIEHARD_CLUSTER_RESOURCE_TYPE,
  rules: { isCluster },
});

/**
 * For policies: `clusterConditions.isCluster({ names: ['staging'] })`, with
 * {@link createClusterConditionalDecision}.
 *
 * @public
 */
export const clusterConditions = clusterConditionExports.conditions;

/**
 * A conditional decision on `diehard.kubernetes.apply`, which the scaffolder evaluates.
 *
 * @public
 */
export const createClusterConditionalDecision =
  clusterConditionExports.createConditionalDecision;

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

/**
 * A git repository as permission rules see it: its remote URL and, on its server, the
 * owner (folder) and name.
 *
 * @public
 */
export interface GitRepositoryResource {
  /** `<baseUrl>/<owner>/<name>.git`, without credentials. */
  url: string;
  /** The folder the repository is in, such as `ops-team`. */
  owner: string;
  /** The repository's name. */
  name: string;
}

/**
 * The git repository resource, served by the scaffolder plugin.
 *
 * @public
 */
export const gitRepositoryResourceRef = createPermissionResourceRef<
  GitRepositoryResource,
  never
>().with({
  pluginId: 'scaffolder',
  resourceType: DIEHARD_GIT_REPOSITORY_RESOURCE_TYPE,
});

/**
 * True when the repository is in one of the `owners` folders.
 *
 * @public
 */
export const isGitOwner = createPermissionRule({
  name: 'IS_GIT_OWNER',
  description: 'Allow when the git repository is in one of the given folders',
  resourceRef: gitRepositoryResourceRef,
  paramsSchema: z.object({
    owners: z.array(z.string()).describe('Owners (folders), such as ops-team'),
  }),
  apply: ({ owner }, { owners }) => owners.includes(owner),
  toQuery: () => {
    throw new Error(
      'IS_GIT_OWNER is only evaluated against a single repository',
    );
  },
});

/**
 * The rules of the git repository resource, for `permissionsRegistry.addResourceType`.
 *
 * @public
 */
export const gitRepositoryPermissionRules = [isGitOwner];

const gitRepositoryConditionExports = createConditionExports({
  pluginId: 'scaffolder',
  resourceType: DIEHARD_GIT_REPOSITORY_RESOURCE_TYPE,
  rules: { isGitOwner },
});

/**
 * For policies: `gitRepositoryConditions.isGitOwner({ owners: ['shop-team'] })`, with
 * {@link createGitRepositoryConditionalDecision}.
 *
 * @public
 */
export const gitRepositoryConditions = gitRepositoryConditionExports.conditions;

/**
 * A conditional decision on `diehard.git.push`, which the scaffolder evaluates.
 *
 * @public
 */
export const createGitRepositoryConditionalDecision =
  gitRepositoryConditionExports.createConditionalDecision;
