export interface Config {
  /** Dev/Ops handoff reviews. */
  handoffReview?: {
    /** The group whose members sign for Ops. Default: group:default/ops-team. */
    opsGroup?: string;
    /**
     * Items no tool can check, per side. Default: load tested, restore tested and
     * runbook written (Dev); on-call agreed, monitoring and backups in place (Ops).
     */
    manualItems?: {
      dev?: Array<{ id: string; title: string }>;
      ops?: Array<{ id: string; title: string }>;
    };
  };
}
