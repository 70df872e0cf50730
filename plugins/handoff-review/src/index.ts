/**
 * Dev/Ops handoff reviews in the portal: a "Handoff review" tab on Components and
 * Systems, and the `/handoff-reviews` page of open and stale reviews. The default export
 * is the plugin of the new frontend system; `handoffReviewLegacyPlugin` and its
 * extensions serve an app of the legacy one.
 *
 * @packageDocumentation
 */

import { handoffReviewPlugin } from './plugin';

export default handoffReviewPlugin;
export { handoffReviewPlugin };
export {
  EntityHandoffReviewContent,
  EntityHandoffReviewStatus,
  HandoffReviewsPage,
  handoffReviewLegacyPlugin,
} from './legacy';
export { handoffReviewApiRef, HandoffReviewClient } from './api';
export type * from './api';
export {
  handoffReviewTranslationRef,
  handoffReviewTranslations,
} from './translation';
