export interface Config {
  /** Diehard's HA posture. Clusters and their credentials come from `kubernetes:`. */
  haPosture?: {
    /** How often every annotated entity is re-evaluated. Default: every 10 minutes. */
    refresh?: { minutes?: number };
    /** Days of daily history kept per entity. Default: 180. */
    historyDays?: number;
  };
}
