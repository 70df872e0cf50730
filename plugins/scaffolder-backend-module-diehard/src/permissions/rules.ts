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
