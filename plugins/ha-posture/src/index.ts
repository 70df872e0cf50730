/**
 * Diehard's HA posture in the portal: an overview card and an "HA posture" tab for
 * Components, and the `/ha-posture` page of every service and cluster. The default
 * export is the plugin of the new frontend system; `haPostureLegacyPlugin` and its
 * extensions serve an app of the legacy one.
 *
 * @packageDocumentation
 */

import { haPosturePlugin } from './plugin';

export default haPosturePlugin;
export { haPosturePlugin };
export {
  EntityHaPostureCard,
  EntityHaPostureContent,
  HaPosturePage,
  HaPostureSearchResultListItem,
  haPostureLegacyPlugin,
} from './legacy';
export type { EntityHaPostureCardProps } from './components/EntityHaPostureCard/EntityHaPostureCard';
export type { HaPostureSearchResultListItemProps } from './search/HaPostureSearchResultListItem';
export { haPostureApiRef, HaPostureClient } from './api';
export type { HaPostureApi, HaPostureEntityRef } from './api';
export { haPostureTranslationRef, haPostureTranslations } from './translation';
