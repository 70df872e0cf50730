/**
 * Diehard's HA posture in the portal (new frontend system): an overview card and an
 * "HA posture" tab for Components, and the `/ha-posture` page of every service and cluster.
 *
 * @packageDocumentation
 */

import { haPosturePlugin } from './plugin';

export default haPosturePlugin;
export { haPosturePlugin };
export { haPostureApiRef, HaPostureClient } from './api';
export type { HaPostureApi, HaPostureEntityRef } from './api';
export { haPostureTranslationRef, haPostureTranslations } from './translation';
