import type {
  Grade,
  HaCategory,
  MessageRef,
  Severity,
} from '@diehard/plugin-ha-posture-common';

/** @public */
export type Side = 'dev' | 'ops';

/**
 * What the posture engine says of a category at the time the checklist was made.
 *
 * @public
 */
export type Evidence = 'pass' | 'fail' | 'unknown';

/**
 * A finding behind an automatic item, as a message of the posture catalogs.
 *
 * @public
 */
export interface FindingMessage {
  severity: Severity;
  message: MessageRef;
  /**
   * The message written out by language (`en`, `fr`), for a rule added to the posture
   * backend (a company's check) whose ids the message catalogs do not hold.
   */
  texts?: Record<string, string>;
}

/** @public */
export interface Waiver {
  reason: string;
  approver: string;
  /** ISO date (YYYY-MM-DD); the waiver no longer counts from that day on. */
  expiresOn: string;
  at: string;
}

/** @public */
export interface ItemComment {
  author: string;
  at: string;
  text: string;
}

/** @public */
export interface ReviewItem {
  id: string;
  title: string;
  /** Automatic items come from the posture; manual ones are answered by a side. */
  kind: 'automatic' | 'manual';
  side: Side;
  category?: HaCategory;
  evidence?: Evidence;
  /** Findings behind a failing automatic item, in one line each. */
  findings?: string[];
  /**
   * The same findings as message ids and parameters, one per line of
   * {@link ReviewItem.findings}, to render in the reader's language. Reviews opened
   * before it existed lack it and show the English lines.
   */
  findingMessages?: FindingMessage[];
  /**
   * What the posture engine judged for an automatic item, as object references: the
   * service's workloads, or for `database`, `storage` and `ingress` the objects around
   * their pods (none: there was nothing of the kind to judge). Reviews opened before it
   * existed, and items on the cluster's control plane, lack it.
   */
  checked?: string[];
  /** A manual item's answer. */
  answer?: { done: boolean; by: string; at: string };
  waiver?: Waiver;
  comments: ItemComment[];
}

/** @public */
export interface PostureSnapshot {
  grade: Grade | null;
  critical: number;
  warning: number;
  evaluatedAt: string;
}

/** @public */
export interface SignOff {
  side: Side;
  by: string;
  at: string;
  posture: PostureSnapshot;
}

/** @public */
export interface Review {
  id: string;
  entityRef: string;
  version: number;
  createdBy: string;
  createdAt: string;
  /** The group that signs for Dev: the entity's owner. */
  devGroup: string;
  /** The (first) group that signs for Ops, as the page names it. */
  opsGroup: string;
  /** Every group whose members act for Ops (`handoffReview.opsGroup` as a list). */
  opsGroups?: string[];
  posture: PostureSnapshot;
  items: ReviewItem[];
  signOffs: SignOff[];
}

/**
 * An item's state as it stands today (an expired waiver no longer counts).
 *
 * @public
 */
export type ItemState = 'passed' | 'failed' | 'open' | 'waived';

/** @public */
export type ReviewStatus = 'open' | 'approved';

/**
 * Why an approved review no longer holds.
 *
 * @public
 */
export type StaleReason =
  | {
      kind: 'posture-degraded';
      /** The posture a sign-off approved, and the posture now. */
      signed: PostureSnapshot;
      current: PostureSnapshot;
    }
  | { kind: 'waiver-expired'; itemIds: string[] };

/**
 * A review as the API returns it: stored facts plus what follows from them today.
 *
 * @public
 */
export interface ReviewView extends Review {
  status: ReviewStatus;
  itemStates: Record<string, ItemState>;
  /** Approved, but since then the posture has degraded below what was signed or a waiver has expired. */
  stale: boolean;
  /** Why it is stale (empty when it is not). */
  staleReasons: StaleReason[];
  currentPosture?: PostureSnapshot;
}

/** @public */
export interface ReviewEvent {
  version: number;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/**
 * A change a user asks for (`POST /reviews/:id/changes`, with the version read).
 *
 * @public
 */
export type ReviewChangeRequest =
  | { action: 'answer'; itemId: string; done: boolean }
  | { action: 'comment'; itemId: string; text: string }
  | { action: 'waive'; itemId: string; reason: string; expiresOn: string }
  | { action: 'sign-off'; side: Side };

/**
 * The `status` filter of the list; `stale` is an approved review that no longer holds.
 *
 * @public
 */
export type ReviewListStatus = 'open' | 'approved' | 'stale';
