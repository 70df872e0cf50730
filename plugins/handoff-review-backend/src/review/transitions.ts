import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import {
  isSideMember,
  ItemState,
  PostureSnapshot,
  Review,
  ReviewItem,
  ReviewView,
  Side,
  sideGroup,
  StaleReason,
} from '@diehard/plugin-handoff-review-common';
import { withRefusal } from './refusal';
import { requireVisibleText } from './userText';
import { checkWaiver, DEFAULT_WAIVER_MAX_DAYS } from './waiverRules';

/** Who is acting: their entity ref and the groups they belong to. */
export interface Actor {
  userEntityRef: string;
  ownershipEntityRefs: string[];
}

export type ReviewChange =
  | { action: 'answer'; itemId: string; done: boolean }
  | { action: 'comment'; itemId: string; text: string }
  | { action: 'waive'; itemId: string; reason: string; expiresOn: string }
  | { action: 'sign-off'; side: Side; posture: PostureSnapshot };

const GRADES = ['A', 'B', 'C', 'D', 'F'];
const COMMENT_MAX = 4000;

/** What the configuration decides about changes. */
export interface ChangeRules {
  /** How many days ahead a waiver may expire at most. */
  waiverMaxDays: number;
}

function assertMember(review: Review, actor: Actor, side: Side, what: string) {
  if (!isSideMember(review, side, actor.ownershipEntityRefs)) {
    const group = sideGroup(review, side);
    throw withRefusal(
      new NotAllowedError(
        `${what} is for the ${side === 'dev' ? 'Dev' : 'Ops'} side: ${
          actor.userEntityRef
        } is not a member of ${group}`,
      ),
      { reason: 'not-member', side, group },
    );
  }
}

function findItem(review: Review, itemId: string): ReviewItem {
  const item = review.items.find(i => i.id === itemId);
  if (!item) {
    throw withRefusal(
      new InputError(`review ${review.id} has no item '${itemId}'`),
      { reason: 'unknown-item', itemId },
    );
  }
  return item;
}

export function itemState(item: ReviewItem, today: string): ItemState {
  const waived = !!item.waiver && item.waiver.expiresOn > today;
  if (item.kind === 'automatic') {
    if (item.evidence === 'pass') return 'passed';
    if (waived) return 'waived';
    return item.evidence === 'fail' ? 'failed' : 'open';
  }
  if (item.answer?.done) return 'passed';
  if (waived) return 'waived';
  return item.answer ? 'failed' : 'open';
}

/**
 * Applies one change to a review the caller has read at `expectedVersion`, and says
 * what happened for the history. A stale version is a conflict, never a silent overwrite.
 */
export function applyChange(
  review: Review,
  change: ReviewChange,
  actor: Actor,
  expectedVersion: number,
  now: Date,
  rules: ChangeRules = { waiverMaxDays: DEFAULT_WAIVER_MAX_DAYS },
): { review: Review; detail: Record<string, unknown> } {
  if (review.version !== expectedVersion) {
    throw withRefusal(
      new ConflictError(
        `review ${review.id} changed since you read it (you have version ${expectedVersion}, it is now ${review.version}); reload it and apply your change again`,
      ),
      {
        reason: 'version-conflict',
        expectedVersion,
        version: review.version,
      },
    );
  }
  const at = now.toISOString();
  const today = at.slice(0, 10);
  const next: Review = structuredClone(review);
  next.version += 1;
  let detail: Record<string, unknown>;

  switch (change.action) {
    case 'answer': {
      const item = findItem(next, change.itemId);
      if (item.kind !== 'manual') {
        throw withRefusal(
          new InputError(
            `item '${item.id}' is checked by the posture engine; comment on it or waive it instead`,
          ),
          { reason: 'item-checked-by-engine', itemId: item.id },
        );
      }
      assertMember(next, actor, item.side, `item '${item.id}'`);
      item.answer = { done: change.done, by: actor.userEntityRef, at };
      detail = { itemId: item.id, done: change.done };
      break;
    }
    case 'comment': {
      const item = findItem(next, change.itemId);
      requireVisibleText('comment', change.text, COMMENT_MAX);
      item.comments.push({
        author: actor.userEntityRef,
        at,
        text: change.text,
      });
      detail = { itemId: item.id, text: change.text };
      break;
    }
    case 'waive': {
      const item = findItem(next, change.itemId);
      checkWaiver(change, now, rules.waiverMaxDays);
      // A waiver accepts a gap on the side's behalf: only that side gives it.
      assertMember(next, actor, item.side, `waiving item '${item.id}'`);
      item.waiver = {
        reason: change.reason,
        approver: actor.userEntityRef,
        expiresOn: change.expiresOn,
        at,
      };
      detail = {
        itemId: item.id,
        reason: change.reason,
        expiresOn: change.expiresOn,
      };
      break;
    }
    case 'sign-off': {
      assertMember(next, actor, change.side, 'this sign-off');
      const blocking = next.items.filter(i => {
        const state = itemState(i, today);
        return state === 'failed' || state === 'open';
      });
      if (blocking.length) {
        throw withRefusal(
          new ConflictError(
            `cannot sign off while ${
              blocking.length
            } item(s) are open or failing: ${blocking
              .map(i => i.id)
              .join(', ')}`,
          ),
          { reason: 'sign-off-blocked', itemIds: blocking.map(i => i.id) },
        );
      }
      next.signOffs = next.signOffs.filter(s => s.side !== change.side);
      next.signOffs.push({
        side: change.side,
        by: actor.userEntityRef,
        at,
        posture: change.posture,
      });
      detail = { side: change.side, posture: change.posture };
      return { review: next, detail };
    }
    default:
      throw new InputError('unknown change');
  }

  // What was signed is no longer what the review says: the sign-offs must be given again.
  if (next.signOffs.length && change.action !== 'comment') {
    detail = { ...detail, signOffsCleared: next.signOffs.map(s => s.side) };
    next.signOffs = [];
  }
  return { review: next, detail };
}

function worse(current: PostureSnapshot, signed: PostureSnapshot): boolean {
  const rank = (s: PostureSnapshot) =>
    s.grade ? GRADES.indexOf(s.grade) : GRADES.length;
  return (
    rank(current) > rank(signed) ||
    current.critical > signed.critical ||
    current.warning > signed.warning
  );
}

/** The review as it stands today, given the entity's current posture. */
export function viewOf(
  review: Review,
  now: Date,
  currentPosture?: PostureSnapshot,
): ReviewView {
  const today = now.toISOString().slice(0, 10);
  const itemStates = Object.fromEntries(
    review.items.map(item => [item.id, itemState(item, today)]),
  );
  const approved =
    review.signOffs.some(s => s.side === 'dev') &&
    review.signOffs.some(s => s.side === 'ops');
  const reopened = review.items
    .filter(item => ['open', 'failed'].includes(itemStates[item.id]))
    .map(item => item.id);
  const degradedFrom = currentPosture
    ? review.signOffs.find(s => worse(currentPosture, s.posture))
    : undefined;
  const staleReasons: StaleReason[] = [];
  if (approved && degradedFrom && currentPosture) {
    staleReasons.push({
      kind: 'posture-degraded',
      signed: degradedFrom.posture,
      current: currentPosture,
    });
  }
  // Once approved, an item only reopens when its waiver runs out (any other change
  // withdraws the sign-offs).
  if (approved && reopened.length) {
    staleReasons.push({ kind: 'waiver-expired', itemIds: reopened });
  }
  return {
    ...review,
    status: approved ? 'approved' : 'open',
    itemStates,
    stale: staleReasons.length > 0,
    staleReasons,
    currentPosture,
  };
}
