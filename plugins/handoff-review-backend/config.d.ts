export interface Config {
  /** Dev/Ops handoff reviews. */
  handoffReview?: {
    /**
     * The group whose members act for Ops (answer and waive Ops items, sign off for
     * Ops), or a list of such groups. Full group refs. Default: group:default/ops-team.
     */
    opsGroup?: string | string[];
    /** How many days ahead a waiver may expire at most. Default: 90. */
    waiverMaxDays?: number;
    /**
     * Items no tool can check, per side. Default: load tested, restore tested and
     * runbook written (Dev); on-call agreed, monitoring and backups in place (Ops).
     */
    manualItems?: {
      dev?: Array<{ id: string; title: string }>;
      ops?: Array<{ id: string; title: string }>;
    };
  };
  diehard?: {
    notifications?: {
      /** Tell a service's owner group this many days before a waiver runs out. Default: 7. */
      waiverExpiryDays?: number;
    };
  };
}
