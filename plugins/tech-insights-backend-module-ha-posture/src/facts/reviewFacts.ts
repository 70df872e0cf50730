import { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import type { EntityReviewState } from '@diehard/plugin-handoff-review-common';

/**
 * A waiver running out within this many days counts in `reviewWaiversExpiringSoon`.
 *
 * @public
 */
export const WAIVER_EXPIRING_SOON_DAYS = 30;

/**
 * The facts of one entity's handoff review (`haReviewFactRetriever`).
 *
 * @public
 */
export interface HaReviewFacts {
  [name: string]: string | number | boolean;
  /** `none`, `in-progress` or `approved` (both sides signed). */
  reviewStatus: EntityReviewState['status'];
  reviewSignedByDev: boolean;
  reviewSignedByOps: boolean;
  /** Approved, but the posture degraded since or a waiver ran out. */
  reviewStale: boolean;
  reviewWaivers: number;
  reviewWaiversExpiringSoon: number;
}

/** @public */
export const HA_REVIEW_FACTS_SCHEMA: FactSchema = {
  reviewStatus: {
    type: 'string',
    description:
      'Dev/Ops handoff review: none, in-progress or approved (signed by both sides)',
  },
  reviewSignedByDev: {
    type: 'boolean',
    description: 'The latest review is signed for Dev',
  },
  reviewSignedByOps: {
    type: 'boolean',
    description: 'The latest review is signed for Ops',
  },
  reviewStale: {
    type: 'boolean',
    description:
      'Approved, but the posture degraded since the sign-off or a waiver ran out',
  },
  reviewWaivers: {
    type: 'integer',
    description: 'Waived checklist items that count today',
  },
  reviewWaiversExpiringSoon: {
    type: 'integer',
    description: `Waivers that run out within ${WAIVER_EXPIRING_SOON_DAYS} days`,
  },
};

/** The facts of a review state, as of `now`. */
export function reviewFacts(
  state: EntityReviewState,
  now: Date,
): HaReviewFacts {
  const horizon = new Date(
    now.getTime() + WAIVER_EXPIRING_SOON_DAYS * 86400_000,
  )
    .toISOString()
    .slice(0, 10);
  return {
    reviewStatus: state.status,
    reviewSignedByDev: state.signedBy.includes('dev'),
    reviewSignedByOps: state.signedBy.includes('ops'),
    reviewStale: state.stale,
    reviewWaivers: state.waivers.length,
    reviewWaiversExpiringSoon: state.waivers.filter(w => w.expiresOn <= horizon)
      .length,
  };
}
