import { createApiRef } from '@backstage/frontend-plugin-api';
import type { HaPostureApi } from '@diehard/plugin-ha-posture-common';

/**
 * The HA posture backend's client (`HaPostureClient` of ha-posture-common).
 *
 * @public
 */
export const haPostureApiRef = createApiRef<HaPostureApi>({
  id: 'plugin.ha-posture.service',
});
