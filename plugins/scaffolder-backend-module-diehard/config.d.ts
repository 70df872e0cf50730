export interface Config {
  /** Diehard: how the scaffolder actions reach registries, clusters and git servers. */
  diehard?: {
    // `diehard.git.servers` (where `diehard:git:push` publishes) is declared by
    // @diehard/plugin-git-servers-node, `diehard.registries` by
    // @diehard/plugin-container-images-node.
    /**
     * `diehard:kubernetes:apply`. Clusters (URL, token, CA) come from the
     * Kubernetes plugin's `kubernetes.clusterLocatorMethods[type=config].clusters[]`;
     * a cluster is open to the action only with an entry here. The templates' cluster
     * and namespace pickers list these entries (`GET /api/scaffolder/diehard/targets`,
     * filtered by `diehard.kubernetes.apply`), showing the cluster's `title` from the
     * Kubernetes config; `diehard:kubernetes:check-target` refuses anything else.
     */
    apply?: {
      /** Field manager of our server-side applies (default "diehard"). */
      fieldManager?: string;
      clusters?: Array<{
        /** The cluster's name in the kubernetes config. */
        name: string;
        /** Namespaces objects may be applied in (Namespace objects: their name). */
        namespaces: string[];
        /** Kinds that may be applied, e.g. [Deployment, Service, ConfigMap]; "*" for any. */
        kinds: string[];
      }>;
    };
  };
}
