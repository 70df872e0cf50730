/**
 * Dev/Ops handoff reviews in the portal (new frontend system): a "Handoff review" tab
 * on Components and Systems, and the `/handoff-reviews` page of open and stale reviews.
 *
 * @packageDocumentation
 */

import { handoffReviewPlugin } from './plugin';

export default handoffReviewPlugin;
export { handoffReviewPlugin };
export { handoffReviewApiRef, HandoffReviewClient } from './api';
export type * from './api';
export {
  handoffReviewTranslationRef,
  handoffReviewTranslations,
} from './translation';
