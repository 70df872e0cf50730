import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { DIEHARD_GIT_REPOSITORY_RESOURCE_TYPE } from '@diehard/plugin-scaffolder-diehard-common';

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
