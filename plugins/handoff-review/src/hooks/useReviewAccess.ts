import useAsync from 'react-use/esm/useAsync';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  handoffReviewChangePermissions,
  isSideMember,
  sideGroup,
} from '@diehard/plugin-handoff-review-common';
import type { ReviewView, Side } from '../api';

/** Why the signed-in user may not make a change. */
export type Refusal =
  /** Only members of `group` answer that side's items or sign for it. */
  | { kind: 'not-member'; group: string }
  /** The permission policy refuses the change on this entity. */
  | { kind: 'policy' };

/**
 * Whether the signed-in user may make a kind of change. Until their identity and the
 * policy's decisions are known, `loading` is true and the control is not shown.
 */
export type Access =
  | { loading: true; allowed: false }
  | { loading: false; allowed: true }
  | { loading: false; allowed: false; refusal: Refusal };

export interface ReviewAccess {
  answer: Record<Side, Access>;
  signOff: Record<Side, Access>;
  comment: Access;
  /** The policy's decision on waivers, for the whole review. */
  waive: Access;
  /** Waiving a side's items: the policy, and membership of that side's group. */
  waiveItems: Record<Side, Access>;
}

const LOADING: Access = { loading: true, allowed: false };
const ALLOWED: Access = { loading: false, allowed: true };

/**
 * The policy's decision on a change of the review. If it cannot be obtained the
 * control stays offered: the backend decides and says why when it refuses.
 */
function usePolicy(
  action: keyof typeof handoffReviewChangePermissions,
  entityRef: string,
): Access {
  const { loading, allowed, error } = usePermission({
    permission: handoffReviewChangePermissions[action],
    resourceRef: entityRef,
  });
  if (error) return ALLOWED;
  if (loading) return LOADING;
  return allowed
    ? ALLOWED
    : { loading: false, allowed: false, refusal: { kind: 'policy' } };
}

/**
 * What the signed-in user may do on a review, decided as the backend decides: the
 * permission policy on the review's entity, and for answers, waivers and sign-offs,
 * membership of the side's group (`isSideMember`, shared with the backend).
 */
export function useReviewAccess(review: ReviewView): ReviewAccess {
  const identityApi = useApi(identityApiRef);
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const answerPolicy = usePolicy('answer', review.entityRef);
  const signOffPolicy = usePolicy('sign-off', review.entityRef);
  const waive = usePolicy('waive', review.entityRef);

  // Everything is offered at once, when everything is known: no control appears and
  // then goes away.
  if (
    identity.loading ||
    answerPolicy.loading ||
    signOffPolicy.loading ||
    waive.loading
  ) {
    return {
      answer: { dev: LOADING, ops: LOADING },
      signOff: { dev: LOADING, ops: LOADING },
      comment: LOADING,
      waive: LOADING,
      waiveItems: { dev: LOADING, ops: LOADING },
    };
  }

  const forSide = (policy: Access, side: Side): Access => {
    // Without the user's groups, the backend decides (and says why it refuses).
    if (!identity.value) return policy;
    if (!isSideMember(review, side, identity.value.ownershipEntityRefs)) {
      return {
        loading: false,
        allowed: false,
        refusal: { kind: 'not-member', group: sideGroup(review, side) },
      };
    }
    return policy;
  };

  return {
    answer: {
      dev: forSide(answerPolicy, 'dev'),
      ops: forSide(answerPolicy, 'ops'),
    },
    signOff: {
      dev: forSide(signOffPolicy, 'dev'),
      ops: forSide(signOffPolicy, 'ops'),
    },
    comment: answerPolicy,
    waive,
    waiveItems: { dev: forSide(waive, 'dev'), ops: forSide(waive, 'ops') },
  };
}
