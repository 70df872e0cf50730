/*
 * Response types of the handoff-review backend (`/api/handoff-review`), copied from
 * `@diehard/plugin-handoff-review-backend` (src/review/types.ts): a frontend must not
 * depend on a backend package. To be moved to a common package shared by both.
 */

/** The grade the posture engine gives a service. */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export type Side = 'dev' | 'ops';

/** What the posture engine said of a category when the checklist was made. */
export type Evidence = 'pass' | 'fail' | 'unknown';

export interface Waiver {
  reason: string;
  approver: string;
  /** ISO date (YYYY-MM-DD); the waiver no longer counts from that day on. */
  expiresOn: string;
  at: string;
}

export interface ItemComment {
  author: string;
  at: string;
  text: string;
}

export interface ReviewItem {
  id: string;
  title: string;
  /** Automatic items come from the posture; manual ones are answered by a side. */
  kind: 'automatic' | 'manual';
  side: Side;
  /** The HA category of an automatic item (`replicas`, `spread`, …). */
  category?: string;
  evidence?: Evidence;
  /** Findings behind a failing automatic item, one line each. */
  findings?: string[];
  /** A manual item's answer. */
  answer?: { done: boolean; by: string; at: string };
  waiver?: Waiver;
  comments: ItemComment[];
}

export interface PostureSnapshot {
  grade: Grade | null;
  critical: number;
  warning: number;
  evaluatedAt: string;
}

export interface SignOff {
  side: Side;
  by: string;
  at: string;
  posture: PostureSnapshot;
}

/** An item's state as it stands today (an expired waiver no longer counts). */
export type ItemState = 'passed' | 'failed' | 'open' | 'waived';

export type ReviewStatus = 'open' | 'approved';

/** A review as the API returns it: stored facts plus what follows from them today. */
export interface ReviewView {
  id: string;
  entityRef: string;
  version: number;
  createdBy: string;
  createdAt: string;
  /** The group that signs for Dev: the entity's owner. */
  devGroup: string;
  opsGroup: string;
  /** The posture when the review was opened. */
  posture: PostureSnapshot;
  items: ReviewItem[];
  signOffs: SignOff[];
  status: ReviewStatus;
  itemStates: Record<string, ItemState>;
  /** Approved, but since then the posture has degraded or a waiver has expired. */
  stale: boolean;
  /** The posture today, when the posture service could tell. */
  currentPosture?: PostureSnapshot;
}

/** One accepted change, as the history lists it. */
export interface ReviewEvent {
  version: number;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/** A change a user makes to a review (`POST /reviews/:id/changes`). */
export type ReviewChange =
  | { action: 'answer'; itemId: string; done: boolean }
  | { action: 'comment'; itemId: string; text: string }
  | { action: 'waive'; itemId: string; reason: string; expiresOn: string }
  | { action: 'sign-off'; side: Side };

/** The `status` filter of the list; `stale` is an approved review that no longer holds. */
export type ReviewListStatus = 'open' | 'approved' | 'stale';
