export interface Config {
  handoffReview?: {
    /**
     * The group that acts for Ops (answers Ops items, waives them, signs off for Ops,
     * refreshes any posture and reads restricted entities), or a list of such groups.
     * Full group refs. Default: group:default/ops-team.
     */
    opsGroup?: string | string[];
  };
  diehard?: {
    apply?: {
      clusters?: Array<{
        /**
         * Who may apply to this cluster (`diehard.kubernetes.apply`): members of any of
         * these groups (full group refs). Absent: every signed-in user.
         */
        groups?: string[];
      }>;
    };
    push?: {
      /**
       * Where `diehard:image:push` may write (`diehard.image.push`), for users outside
       * Ops (Ops may push anywhere): repositories under `prefix` (`apps` holds
       * `apps/shop`), in every registry, for members of `groups` (full group refs) or
       * everyone when absent. Default: everyone under `apps`.
       */
      repositories?: Array<{
        prefix: string;
        groups?: string[];
      }>;
    };
  };
}
