import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The HA posture page (`/ha-posture`). */
export const rootRouteRef = createRouteRef();
