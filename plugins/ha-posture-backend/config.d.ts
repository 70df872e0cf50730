export interface Config {
  /** Diehard's HA posture. Clusters and their credentials come from `kubernetes:`. */
  haPosture?: {
    refresh?: {
      /** How often every annotated entity is re-evaluated. Default: every 10 minutes. */
      minutes?: number;
      /**
       * How long one scheduled refresh may hold the replicas' lock. A run still going
       * then stops; a replica that died while running it delays the next run by up to
       * this plus one minute. Keep it above the longest full refresh. Default: 5.
       */
      timeoutMinutes?: number;
      /**
       * Evaluations of different entities that run at once. Refreshes of one entity
       * asked while its evaluation runs share it. Default: 2.
       */
      concurrency?: number;
      /**
       * Evaluations that may wait for a free slot; beyond them a refresh is answered
       * 429 Too Many Requests with Retry-After. Default: 20.
       */
      queue?: number;
    };
    /** Days of daily history kept per entity. Default: 180. */
    historyDays?: number;
    /** How much of an entity's repository one evaluation of its manifests may read. */
    manifests?: {
      /** Files and folders under the manifests folder. Default: 500. */
      maxFiles?: number;
      /** Bytes of manifests and Tomcat files. Default: 5000000. */
      maxBytes?: number;
      /** Default: 20. */
      timeoutSeconds?: number;
    };
  };
}
