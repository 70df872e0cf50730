import { createApiRef } from '@backstage/frontend-plugin-api';
import type { ReviewSummary } from '@diehard/plugin-handoff-review-common';

/**
 * Where an entity's Dev/Ops handoff review stands, read from the handoff-review
 * backend. Its own small client rather than the handoff-review plugin's API, so
 * neither frontend plugin depends on the other.
 */
export interface HandoffReviewStatusApi {
  getReviewSummary(entityRef: string): Promise<ReviewSummary>;
}

export const handoffReviewStatusApiRef = createApiRef<HandoffReviewStatusApi>({
  id: 'plugin.ha-posture.handoff-review-status',
});
