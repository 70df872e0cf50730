import {
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import type { ReviewChangeRequest } from './types';

/**
 * Reading where an entity's handoff review stands (`GET /review-state`). Users also
 * need to read the entity in the catalog; a service (Tech Insights) is limited by its
 * token's access restrictions, as Backstage decides service principals without a policy.
 *
 * @public
 */
export const handoffReviewReadPermission = createPermission({
  name: 'handoff-review.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * Opening a review on an entity.
 *
 * @public
 */
export const handoffReviewCreatePermission = createPermission({
  name: 'handoff-review.create',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/**
 * Answering and commenting items (each side still answers only its own items).
 *
 * @public
 */
export const handoffReviewAnswerPermission = createPermission({
  name: 'handoff-review.answer',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Waiving an item: accepting a known gap for a while.
 *
 * @public
 */
export const handoffReviewWaivePermission = createPermission({
  name: 'handoff-review.waive',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Signing off for a side (the signer must also belong to that side's group).
 *
 * @public
 */
export const handoffReviewSignOffPermission = createPermission({
  name: 'handoff-review.sign-off',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/** @public */
export const handoffReviewPermissions = [
  handoffReviewReadPermission,
  handoffReviewCreatePermission,
  handoffReviewAnswerPermission,
  handoffReviewWaivePermission,
  handoffReviewSignOffPermission,
];

/**
 * The permission each change needs on the review's entity, for the backend that
 * authorizes it and the frontend that offers it.
 *
 * @public
 */
export const handoffReviewChangePermissions: Record<
  ReviewChangeRequest['action'],
  ResourcePermission<'catalog-entity'>
> = {
  answer: handoffReviewAnswerPermission,
  comment: handoffReviewAnswerPermission,
  waive: handoffReviewWaivePermission,
  'sign-off': handoffReviewSignOffPermission,
};
