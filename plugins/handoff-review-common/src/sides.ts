import type { Review, Side } from './types';

/**
 * The group whose members answer a side's items and sign off for it.
 *
 * @public
 */
export function sideGroup(
  review: Pick<Review, 'devGroup' | 'opsGroup'>,
  side: Side,
): string {
  return side === 'dev' ? review.devGroup : review.opsGroup;
}

/**
 * Whether a user acts for a side of a review: answers its manual items and signs off
 * for it. The backend refuses these changes to anyone else (on top of the permission
 * policy), and the frontend only offers them to members.
 *
 * @param ownershipEntityRefs - the user's ownership entity refs, as in their
 *   Backstage identity (themselves and the groups they belong to).
 *
 * @public
 */
export function isSideMember(
  review: Pick<Review, 'devGroup' | 'opsGroup' | 'opsGroups'>,
  side: Side,
  ownershipEntityRefs: readonly string[],
): boolean {
  if (side === 'ops' && review.opsGroups?.length) {
    return review.opsGroups.some(g => ownershipEntityRefs.includes(g));
  }
  return ownershipEntityRefs.includes(sideGroup(review, side));
}
