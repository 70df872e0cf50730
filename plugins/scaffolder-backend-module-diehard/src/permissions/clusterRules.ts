import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { DIEHARD_CLUSTER_RESOURCE_TYPE } from '@diehard/plugin-scaffolder-diehard-common';

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
