import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The handoff reviews page (`/handoff-reviews`). */
export const rootRouteRef = createRouteRef();
