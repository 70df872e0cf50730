import type { ReviewView, SignOff, StaleReason } from './types';

/**
 * Where an entity's handoff stands, in one line: what the posture card shows.
 *
 * @public
 */
export type ReviewSummary =
  | { state: 'none' }
  | { state: 'open'; reviewId: string; done: number; total: number }
  | { state: 'approved'; reviewId: string; signOffs: SignOff[] }
  | { state: 'stale'; reviewId: string; reasons: StaleReason[] };

/**
 * Summarises an entity's reviews by its latest one: none, open (items passed or
 * waived out of all), approved, or stale with its reasons.
 *
 * @public
 */
export function summarizeReviews(reviews: ReviewView[]): ReviewSummary {
  const latest = [...reviews].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  )[0];
  if (!latest) return { state: 'none' };
  if (latest.stale) {
    return {
      state: 'stale',
      reviewId: latest.id,
      reasons: latest.staleReasons ?? [],
    };
  }
  if (latest.status === 'approved') {
    return {
      state: 'approved',
      reviewId: latest.id,
      signOffs: latest.signOffs,
    };
  }
  const states = Object.values(latest.itemStates);
  return {
    state: 'open',
    reviewId: latest.id,
    done: states.filter(s => s === 'passed' || s === 'waived').length,
    total: latest.items.length,
  };
}
