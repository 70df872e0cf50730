import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { HaPostureCollatorFactory } from './collator/HaPostureCollatorFactory';

const SCHEDULE_KEY = 'search.collators.haPosture.schedule';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};

/**
 * Indexes every service's HA posture for the search backend (type `ha-posture`).
 *
 * @public
 */
export const searchModuleHaPostureCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'ha-posture-collator',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        auth,
        config,
        discovery,
        logger,
        scheduler,
        indexRegistry,
      }) {
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(scheduleOf(config)),
          factory: new HaPostureCollatorFactory({ auth, discovery, logger }),
        });
      },
    });
  },
});

function scheduleOf(config: Config): SchedulerServiceTaskScheduleDefinition {
  const schedule = config.getOptionalConfig(SCHEDULE_KEY);
  if (!schedule) return DEFAULT_SCHEDULE;
  try {
    return readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule);
  } catch (error) {
    throw new InputError(`Invalid schedule at ${SCHEDULE_KEY}: ${error}`);
  }
}
