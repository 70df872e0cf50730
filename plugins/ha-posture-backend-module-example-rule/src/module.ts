import { createBackendModule } from '@backstage/backend-plugin-api';
import { haPostureRulesExtensionPoint } from '@diehard/plugin-ha-posture-node';
import { preStopRule } from './preStopRule';

/**
 * Adds the example company rule (serving containers drain before they stop) to the HA posture.
 *
 * @public
 */
export const haPostureModuleExampleRule = createBackendModule({
  pluginId: 'ha-posture',
  moduleId: 'example-rule',
  register(reg) {
    reg.registerInit({
      deps: { rules: haPostureRulesExtensionPoint },
      async init({ rules }) {
        rules.addRule(preStopRule);
      },
    });
  },
});
