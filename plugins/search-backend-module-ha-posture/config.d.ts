import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The HA posture collator (`@diehard/plugin-search-backend-module-ha-posture`). */
      haPosture?: {
        /**
         * How often postures are indexed. Default: every 10 minutes, 15 minutes at most
         * per run, first run 3 seconds after start.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
