/**
 * On an entity a Diehard template registers: the cluster (a name of
 * `diehard.apply.clusters`) its Kubernetes objects were deployed to.
 *
 * @public
 */
export const TARGET_CLUSTER_ANNOTATION = 'diehard.io/cluster';

/**
 * On the Resource of a MariaDB Galera cluster (`spec.type: database`, tag `galera`): its
 * number of nodes, which a service's DSN lists.
 *
 * @public
 */
export const GALERA_NODES_ANNOTATION = 'diehard.io/galera-nodes';
