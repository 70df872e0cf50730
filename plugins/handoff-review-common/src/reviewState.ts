import type { Side, StaleReason } from './types';

/**
 * Where an entity's latest handoff review stands, for a scorecard or another backend
 * (`GET /api/handoff-review/review-state?entityRef=…`).
 *
 * @public
 */
export interface EntityReviewState {
  entityRef: string;
  /** `none`: never reviewed; `in-progress`: opened, not signed by both sides; `approved`: both signed. */
  status: 'none' | 'in-progress' | 'approved';
  /** The latest review, when there is one. */
  reviewId?: string;
  /** The sides that have signed the latest review. */
  signedBy: Side[];
  /** Approved, but the posture has degraded since or a waiver has run out. */
  stale: boolean;
  staleReasons: StaleReason[];
  /** The waivers that count today, soonest to expire first. */
  waivers: Array<{ itemId: string; expiresOn: string }>;
}
