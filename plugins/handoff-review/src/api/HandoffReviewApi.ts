import { createApiRef } from '@backstage/frontend-plugin-api';
import type { HandoffReviewApi } from '@diehard/plugin-handoff-review-common';

export type { HandoffReviewApi };

/**
 * The handoff-review backend's client (`HandoffReviewClient` of handoff-review-common).
 *
 * @public
 */
export const handoffReviewApiRef = createApiRef<HandoffReviewApi>({
  id: 'plugin.handoff-review.service',
});
