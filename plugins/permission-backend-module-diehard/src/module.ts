import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { DiehardPermissionPolicy } from './DiehardPermissionPolicy';

/**
 * Installs {@link DiehardPermissionPolicy} in the permission backend.
 *
 * @public
 */
export const permissionModuleDiehardPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'diehard-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
      async init({ policy, config }) {
        policy.setPolicy(DiehardPermissionPolicy.fromConfig(config));
      },
    });
  },
});
