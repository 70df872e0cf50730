/**
 * Diehard's HA posture backend plugin.
 *
 * @packageDocumentation
 */
export { haPosturePlugin as default } from './plugin';
export {
  haPostureReadPermission,
  haPostureRefreshPermission,
  haPosturePermissions,
} from '@diehard/plugin-ha-posture-common';
